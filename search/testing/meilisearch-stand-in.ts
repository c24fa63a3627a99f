/**
 * A small in-process HTTP server that answers the part of Meilisearch's API the adapter uses, and records
 * every call. No search semantics: it proves what the adapter sends (settings, swaps, task waits), not
 * how Meilisearch ranks; for that, run the conformance suite against a real server (MEILI_URL).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
	method: string;
	path: string;
	body: unknown;
	authorization: string | undefined;
}

interface StandInTask {
	uid: number;
	indexUid: string | null;
	type: string;
	status: 'enqueued' | 'succeeded' | 'failed';
	error: { code: string; message: string; type: string; link: string } | null;
}

export interface MeilisearchStandIn {
	url: string;
	calls: RecordedCall[];
	/** Index uid → its settings and document count, as the stand-in holds them. */
	indexes: Map<string, { settings: Record<string, unknown>; documents: Map<string, unknown> }>;
	/** While true, new tasks stay `enqueued` for ever (a server too busy to finish in time). */
	stallTasks: boolean;
	/** Only this key is accepted (none = any). */
	apiKey?: string;
	stop(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown) => {
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify(body));
};

async function readBody(req: IncomingMessage): Promise<unknown> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const text = Buffer.concat(chunks).toString('utf8');
	return text ? JSON.parse(text) : undefined;
}

export async function startMeilisearchStandIn(
	options: { apiKey?: string } = {}
): Promise<MeilisearchStandIn> {
	const tasks: StandInTask[] = [];
	const stand: MeilisearchStandIn = {
		url: '',
		calls: [],
		indexes: new Map(),
		stallTasks: false,
		apiKey: options.apiKey,
		stop: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				// Kept-alive connections too, so the next request meets a closed port, as with a stopped server.
				server.closeAllConnections();
			})
	};

	const fail = (code: string, message: string) => ({
		code,
		message,
		type: 'invalid_request',
		link: `https://docs.meilisearch.com/errors#${code}`
	});

	function enqueue(
		res: ServerResponse,
		type: string,
		indexUid: string | null,
		run: () => StandInTask['error']
	) {
		const task: StandInTask = { uid: tasks.length, indexUid, type, status: 'enqueued', error: null };
		tasks.push(task);
		if (!stand.stallTasks) {
			task.error = run();
			task.status = task.error ? 'failed' : 'succeeded';
		}
		json(res, 202, {
			taskUid: task.uid,
			indexUid,
			status: 'enqueued',
			type,
			enqueuedAt: new Date().toISOString()
		});
	}

	const server: Server = createServer(async (req, res) => {
		const url = new URL(req.url ?? '/', 'http://stand-in');
		const body = await readBody(req);
		const path = url.pathname;
		stand.calls.push({ method: req.method ?? '', path, body, authorization: req.headers.authorization });
		if (path === '/health') return json(res, 200, { status: 'available' });
		if (stand.apiKey && req.headers.authorization !== `Bearer ${stand.apiKey}`) {
			return json(res, 403, { ...fail('invalid_api_key', 'The provided API key is invalid.'), type: 'auth' });
		}
		let m: RegExpExecArray | null;
		if ((m = /^\/tasks\/(\d+)$/.exec(path))) {
			const task = tasks[Number(m[1])];
			return task ? json(res, 200, task) : json(res, 404, fail('task_not_found', 'Task not found.'));
		}
		if (path === '/indexes' && req.method === 'POST') {
			const { uid } = body as { uid: string };
			return enqueue(res, 'indexCreation', uid, () => {
				if (stand.indexes.has(uid)) return fail('index_already_exists', `Index \`${uid}\` already exists.`);
				stand.indexes.set(uid, { settings: {}, documents: new Map() });
				return null;
			});
		}
		if (path === '/swap-indexes' && req.method === 'POST') {
			const [{ indexes }] = body as { indexes: [string, string] }[];
			return enqueue(res, 'indexSwap', null, () => {
				const [a, b] = indexes.map((uid) => stand.indexes.get(uid));
				if (!a || !b) return fail('index_not_found', 'Index not found.');
				stand.indexes.set(indexes[0], b);
				stand.indexes.set(indexes[1], a);
				return null;
			});
		}
		if ((m = /^\/indexes\/([^/]+)(\/.*)?$/.exec(path))) {
			const uid = decodeURIComponent(m[1]);
			const rest = m[2] ?? '';
			const index = stand.indexes.get(uid);
			const missing = () => fail('index_not_found', `Index \`${uid}\` not found.`);
			if (rest === '' && req.method === 'DELETE') {
				return enqueue(res, 'indexDeletion', uid, () => (stand.indexes.delete(uid) ? null : missing()));
			}
			if (rest === '/settings' && req.method === 'GET') {
				return index ? json(res, 200, index.settings) : json(res, 404, missing());
			}
			if (rest === '/settings' && req.method === 'PATCH') {
				return enqueue(res, 'settingsUpdate', uid, () => {
					if (!index) return missing();
					Object.assign(index.settings, body);
					return null;
				});
			}
			if (rest === '/documents' && req.method === 'POST') {
				return enqueue(res, 'documentAdditionOrUpdate', uid, () => {
					if (!index) return missing();
					for (const doc of body as { id: string }[]) index.documents.set(doc.id, doc);
					return null;
				});
			}
			if (rest === '/stats' && req.method === 'GET') {
				if (!index) return json(res, 404, missing());
				return json(res, 200, {
					numberOfDocuments: index.documents.size,
					isIndexing: false,
					fieldDistribution: {}
				});
			}
		}
		json(res, 404, fail('not_found', `The stand-in does not answer ${req.method} ${path}.`));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	stand.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return stand;
}
