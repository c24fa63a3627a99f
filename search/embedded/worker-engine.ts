/**
 * The embedded engine in worker threads. The index and all search work live off the main thread, so a
 * long search delays only the searches queued behind it on its worker, never `/healthz`, a page or a
 * form; the main thread and the search threads share the machine's cores.
 *
 * Each worker holds its own index. Writes go to every worker in order and resolve when all have applied
 * them; a search goes to the worker with the fewest searches in flight. The same module is the worker's
 * entry point (it loads itself), so the built app needs no separate bundle.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { ProfileDocument } from '../document';
import type {
	FacetSearchRequest,
	FacetSearchResponse,
	MultiSearchRequest,
	MultiSearchResponse,
	SearchEngine,
	SettingsSyncReport
} from '../engine';
import { PROFILE_INDEX, type IndexDefinition } from '../index-definition';
import { SearchError, type SearchErrorBody } from '../search-error';
import { EmbeddedSearchEngine } from './embedded-engine';
import { warmShortPrefixes } from './short-prefix';

const WORKER_MARK = 'kandidatenverkenner-search-worker';

type Operation =
	| { op: 'multiSearch'; request: MultiSearchRequest }
	| { op: 'multiSearchJson'; request: MultiSearchRequest }
	| { op: 'facetSearch'; indexUid: string; request: FacetSearchRequest }
	| { op: 'replaceAll'; documents: readonly ProfileDocument[] }
	| { op: 'buildBegin' }
	| { op: 'buildAdd'; documents: readonly ProfileDocument[] }
	| { op: 'buildFinish' }
	| { op: 'buildAbort' }
	| { op: 'upsert'; documents: readonly ProfileDocument[] }
	| { op: 'remove'; ids: readonly string[] }
	| { op: 'count' };

type Reply =
	| { id: number; ok: true; value: unknown }
	| {
			id: number;
			ok: false;
			error: (SearchErrorBody & { status: number; search: true }) | { message: string; search: false };
	  };

export interface WorkerEngineOptions {
	definition?: IndexDefinition;
	documents?: readonly ProfileDocument[];
	/** Search threads, each with its own copy of the index. */
	threads?: number;
	/** Called when a worker died and was replaced by an empty one: the owner must reload the documents. */
	onIndexLost?: (error: Error) => void;
}

interface Pending {
	resolve: (value: unknown) => void;
	reject: (error: Error) => void;
}

/** tsx's ESM registration entry, as its package exports it. */
function tsxLoader(from: string): string {
	const manifest = createRequire(from).resolve('tsx/package.json');
	const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as {
		exports: Record<string, { import: { default: string } }>;
	};
	return pathToFileURL(join(dirname(manifest), exports['./esm/api'].import.default)).href;
}

class SearchThread {
	private worker!: Worker;
	private readonly pending = new Map<number, Pending>();
	private nextId = 1;
	inFlight = 0;

	constructor(
		private readonly definition: IndexDefinition,
		private readonly onLost: (error: Error) => void
	) {
		this.start();
	}

	private start(): void {
		const url = import.meta.url;
		// Under tsx/vitest this module is TypeScript: the worker registers tsx before loading it.
		const tsx = url.endsWith('.ts') ? tsxLoader(url) : null;
		const code = `const { workerData } = require('node:worker_threads');
(async () => {
	if (workerData.tsx) (await import(workerData.tsx)).register();
	await import(workerData.url);
})().catch((error) => { setImmediate(() => { throw error; }); });`;
		this.worker = new Worker(code, {
			eval: true,
			workerData: { [WORKER_MARK]: true, url, tsx, definition: this.definition }
		});
		// Idle threads must not keep a finished process alive; busy ones do (see `call`).
		this.worker.unref();
		this.worker.on('message', (reply: Reply) => this.settle(reply));
		this.worker.on('error', (error) => this.lost(error));
		this.worker.on('exit', (code) => {
			if (!this.stopped) this.lost(new Error(`search worker exited with code ${code}`));
		});
	}

	private stopped = false;

	private lost(error: Error): void {
		if (this.stopped) return;
		for (const { reject } of this.pending.values()) reject(error);
		this.pending.clear();
		this.inFlight = 0;
		void this.worker.terminate();
		this.start();
		this.onLost(error);
	}

	private settle(reply: Reply): void {
		const pending = this.pending.get(reply.id);
		if (!pending) return;
		this.pending.delete(reply.id);
		if (--this.inFlight === 0) this.worker.unref();
		if (reply.ok) return pending.resolve(reply.value);
		const { error } = reply;
		pending.reject(
			error.search
				? new SearchError(error.code, error.message, { status: error.status, type: error.type })
				: new Error(error.message)
		);
	}

	call<T>(operation: Operation): Promise<T> {
		const id = this.nextId++;
		if (this.inFlight++ === 0) this.worker.ref();
		return new Promise<T>((resolve, reject) => {
			this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
			this.worker.postMessage({ id, ...operation });
		});
	}

	async stop(): Promise<void> {
		this.stopped = true;
		await this.worker.terminate();
	}
}

export class WorkerSearchEngine implements SearchEngine {
	readonly kind = 'embedded' as const;
	readonly definition: IndexDefinition;
	private readonly threads: SearchThread[];
	private ready: Promise<unknown>;

	/**
	 * What readiness is answered from, on this thread: asking a search thread would queue the probe
	 * behind its searches. `loading` is the whole-index build under way while none has finished since
	 * the start or since a thread came back empty (`lost`).
	 */
	private loading: Promise<unknown> | null = null;
	private lost = false;

	constructor(options: WorkerEngineOptions = {}) {
		this.definition = options.definition ?? PROFILE_INDEX;
		const onLost = options.onIndexLost ?? (() => {});
		this.threads = Array.from(
			{ length: Math.max(1, options.threads ?? 1) },
			() =>
				new SearchThread(this.definition, (error) => {
					this.lost = true;
					this.loading = null;
					onLost(error);
				})
		);
		this.ready = options.documents
			? this.load(this.write({ op: 'replaceAll', documents: options.documents }))
			: Promise.resolve();
	}

	/** Tracks a whole-index build for readiness. */
	private load<T>(build: Promise<T>): Promise<T> {
		const tracked: Promise<T> = build.then(
			(value) => {
				if (this.loading === tracked) {
					this.loading = null;
					this.lost = false;
				}
				return value;
			},
			(error: unknown) => {
				// No index came of it: not ready until a later build succeeds.
				if (this.loading === tracked) {
					this.loading = null;
					this.lost = true;
				}
				throw error;
			}
		);
		this.loading ??= tracked;
		tracked.catch(() => undefined);
		return tracked;
	}

	private leastBusy(): SearchThread {
		let best = this.threads[0];
		for (const thread of this.threads) if (thread.inFlight < best.inFlight) best = thread;
		return best;
	}

	private async read<T>(operation: Operation): Promise<T> {
		await this.ready;
		return this.leastBusy().call<T>(operation);
	}

	/** Every thread applies every write, in the order written. */
	private write(operation: Operation): Promise<unknown> {
		const applied = Promise.all(this.threads.map((thread) => thread.call(operation)));
		// A failed write must not block later reads; the caller still sees the failure.
		this.ready = applied.catch(() => undefined);
		return applied;
	}

	multiSearch(request: MultiSearchRequest): Promise<MultiSearchResponse> {
		return this.read({ op: 'multiSearch', request });
	}

	/** Serialised in the worker: a string crosses threads as one copy, an object graph as a clone. */
	multiSearchJson(request: MultiSearchRequest): Promise<string> {
		return this.read({ op: 'multiSearchJson', request });
	}

	facetSearch(indexUid: string, request: FacetSearchRequest): Promise<FacetSearchResponse> {
		return this.read({ op: 'facetSearch', indexUid, request });
	}

	async replaceAll(documents: readonly ProfileDocument[]): Promise<void> {
		await this.load(this.write({ op: 'replaceAll', documents }));
	}

	private building: Promise<unknown> = Promise.resolve();

	/**
	 * Each page goes to the threads as soon as it is read, without waiting for them: they tokenise it
	 * while the next page is read. Searches meanwhile use the previous index.
	 */
	replaceAllFrom(pages: AsyncIterable<readonly ProfileDocument[]>): Promise<number> {
		const run = async (): Promise<number> => {
			const added: Promise<unknown>[] = [this.write({ op: 'buildBegin' })];
			try {
				for await (const page of pages) {
					const written = this.write({ op: 'buildAdd', documents: page });
					// Awaited below; a failure must not count as unhandled before then.
					written.catch(() => undefined);
					added.push(written);
				}
				await Promise.all(added);
			} catch (error) {
				await Promise.allSettled(added);
				await this.write({ op: 'buildAbort' }).catch(() => undefined);
				throw error;
			}
			const [count] = (await this.write({ op: 'buildFinish' })) as number[];
			return count;
		};
		// One rebuild at a time: a second one starts when the first has finished.
		const result = this.load(this.building.then(run, run));
		this.building = result.catch(() => undefined);
		return result;
	}

	async upsert(documents: readonly ProfileDocument[]): Promise<void> {
		await this.write({ op: 'upsert', documents });
	}

	async remove(ids: readonly string[]): Promise<void> {
		await this.write({ op: 'remove', ids });
	}

	count(): Promise<number> {
		return this.read({ op: 'count' });
	}

	/**
	 * Available once an index is in place: waits for the first build (or the rebuild after a thread
	 * came back empty), never for searches.
	 */
	async health(): Promise<{ status: 'available' }> {
		if (this.loading) await this.loading;
		else if (this.lost) throw new Error('a search thread restarted empty; its index is not rebuilt yet');
		return { status: 'available' };
	}

	async applySettings(): Promise<SettingsSyncReport> {
		return { changed: [] };
	}

	/** Ends the worker threads. */
	async close(): Promise<void> {
		await Promise.all(this.threads.map((thread) => thread.stop()));
	}
}

export function createWorkerEngine(options: WorkerEngineOptions = {}): WorkerSearchEngine {
	return new WorkerSearchEngine(options);
}

// ---------------------------------------------------------------------------------------------------
// The worker side

function serveInWorker(definition: IndexDefinition): void {
	const port = parentPort!;
	const engine = new EmbeddedSearchEngine({ definition });
	const run = (operation: Operation): Promise<unknown> => {
		switch (operation.op) {
			case 'multiSearch':
				return engine.multiSearch(operation.request);
			case 'multiSearchJson':
				return engine.multiSearchJson(operation.request);
			case 'facetSearch':
				return engine.facetSearch(operation.indexUid, operation.request);
			case 'replaceAll':
				return engine.replaceAll(operation.documents);
			case 'buildBegin':
				return Promise.resolve(engine.beginBuild());
			case 'buildAdd':
				return Promise.resolve(engine.addToBuild(operation.documents));
			case 'buildFinish':
				return Promise.resolve(engine.finishBuild());
			case 'buildAbort':
				return Promise.resolve(engine.abortBuild());
			case 'upsert':
				return engine.upsert(operation.documents);
			case 'remove':
				return engine.remove(operation.ids);
			case 'count':
				return engine.count();
		}
	};
	port.on('message', async (message: Operation & { id: number }) => {
		let reply: Reply;
		try {
			reply = { id: message.id, ok: true, value: await run(message) };
			// A new index: precompute its first keystrokes between the searches that arrive meanwhile.
			if (['replaceAll', 'buildFinish', 'upsert', 'remove'].includes(message.op)) {
				warmShortPrefixes(engine.snapshot, () => engine.snapshot, setImmediate);
			}
		} catch (error) {
			reply = {
				id: message.id,
				ok: false,
				error:
					error instanceof SearchError
						? { ...error.toJSON(), status: error.status, search: true }
						: { message: error instanceof Error ? error.message : String(error), search: false }
			};
		}
		port.postMessage(reply);
	});
}

if (!isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_MARK]) {
	serveInWorker((workerData as { definition: IndexDefinition }).definition);
}
