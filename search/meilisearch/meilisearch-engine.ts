/**
 * SearchEngine on a Meilisearch server through the official client. Requests arrive validated and are
 * forwarded unchanged, except that the public index name maps to the physical one (so tests can use a
 * throw-away index while sending the very same bodies).
 */
import {
	Meilisearch,
	MeilisearchApiError,
	MeilisearchError,
	MeilisearchRequestError,
	MeilisearchRequestTimeOutError,
	MeilisearchTaskTimeOutError,
	type EnqueuedTask,
	type EnqueuedTaskPromise,
	type IndexSwap,
	type MultiSearchParams,
	type Task
} from 'meilisearch';
import type { ProfileDocument } from '../document';
import type {
	FacetSearchRequest,
	FacetSearchResponse,
	MultiSearchRequest,
	MultiSearchResponse,
	SearchEngine,
	SearchResult,
	SettingsSyncReport
} from '../engine';
import { PROFILE_INDEX, type IndexDefinition } from '../index-definition';
import { SearchError } from '../search-error';
import { capFacetQuery, capQuery } from '../text/query-cap';
import { definitionSettings, settingsDiff } from './settings-diff';

export interface MeilisearchEngineOptions {
	host: string;
	apiKey: string;
	/** Physical index; defaults to the definition's uid. */
	indexUid?: string;
	definition?: IndexDefinition;
	/** Per task; bulk indexing of a large batch can take minutes on a small server. */
	taskTimeoutMs?: number;
	/** Per HTTP request to the server (a search, an upload, one poll of a task). */
	requestTimeoutMs?: number;
	batchSize?: number;
}

const REASONS: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ENOTFOUND: 'host not found',
	EAI_AGAIN: 'host not found',
	ECONNRESET: 'connection reset',
	UND_ERR_SOCKET: 'connection closed by the server',
	UND_ERR_CONNECT_TIMEOUT: 'connect timeout'
};

/** The innermost reason a request failed, e.g. "connection refused (ECONNREFUSED)", without addresses. */
function reasonOf(error: unknown): string {
	let reason = error;
	while (reason instanceof Error && reason.cause instanceof Error) reason = reason.cause;
	const code = (reason as { code?: unknown })?.code;
	if (typeof code === 'string') return `${REASONS[code] ?? 'network error'} (${code})`;
	return reason instanceof Error ? reason.message : String(reason);
}

function toSearchError(error: unknown): unknown {
	if (error instanceof MeilisearchApiError && error.cause) {
		const { code, message, type } = error.cause;
		return new SearchError(code, message, {
			status: error.response.status,
			type: type as SearchError['type'],
			cause: error
		});
	}
	if (error instanceof MeilisearchTaskTimeOutError) {
		// The task may still finish on the server: the next start (or reindex) compares and catches up.
		return new SearchError(
			'search_task_timeout',
			`Meilisearch task ${error.cause?.taskUid} did not finish within ${error.cause?.timeout} ms.`,
			{ status: 503, cause: error }
		);
	}
	if (error instanceof MeilisearchRequestError) {
		const timedOut = error.cause instanceof MeilisearchRequestTimeOutError;
		return new SearchError(
			'search_unavailable',
			timedOut
				? `Meilisearch (MEILI_URL) did not answer: ${(error.cause as Error).message}.`
				: `Meilisearch (MEILI_URL) is unreachable: ${reasonOf(error.cause)}.`,
			{ status: 503, cause: error }
		);
	}
	if (error instanceof MeilisearchError) {
		return new SearchError('search_unavailable', `Meilisearch failed: ${error.message}`, {
			status: 503,
			cause: error
		});
	}
	return error;
}

export class MeilisearchSearchEngine implements SearchEngine {
	readonly kind = 'meilisearch' as const;
	readonly definition: IndexDefinition;
	readonly indexUid: string;
	private readonly client: Meilisearch;
	private readonly wait: { timeout: number; interval: number };
	private readonly batchSize: number;

	constructor(options: MeilisearchEngineOptions) {
		this.definition = options.definition ?? PROFILE_INDEX;
		this.indexUid = options.indexUid ?? this.definition.uid;
		this.client = new Meilisearch({
			host: options.host,
			apiKey: options.apiKey,
			timeout: options.requestTimeoutMs ?? 10_000
		});
		this.wait = { timeout: options.taskTimeoutMs ?? 120_000, interval: 100 };
		this.batchSize = options.batchSize ?? 5_000;
	}

	async multiSearch(request: MultiSearchRequest): Promise<MultiSearchResponse> {
		// A query without indexUid goes as it is, so the server answers with its own `missing_index_uid`.
		const queries = request.queries.map((query) => ({
			...query,
			...(typeof query.q === 'string' && { q: capQuery(query.q, this.definition.stopWords) }),
			...(query.indexUid != null && { indexUid: this.physical(query.indexUid) })
		}));
		try {
			const response = await this.client.multiSearch({ queries } as MultiSearchParams);
			const results = response.results.map((r, i) => ({ ...r, indexUid: request.queries[i].indexUid }));
			return { results: results as unknown as SearchResult[] };
		} catch (error) {
			throw toSearchError(error);
		}
	}

	async facetSearch(indexUid: string, request: FacetSearchRequest): Promise<FacetSearchResponse> {
		try {
			const response = await this.client.index(this.physical(indexUid)).searchForFacetValues({
				...request,
				facetQuery: request.facetQuery == null ? undefined : capFacetQuery(request.facetQuery),
				q: request.q == null ? undefined : capQuery(request.q, this.definition.stopWords),
				filter: request.filter ?? undefined
			});
			return {
				facetHits: response.facetHits,
				facetQuery: response.facetQuery,
				processingTimeMs: response.processingTimeMs
			};
		} catch (error) {
			throw toSearchError(error);
		}
	}

	/**
	 * Builds a complete new index beside the live one and swaps them in one atomic step, so searches keep
	 * answering from the old documents until the new ones are all in. The name is fresh each time, so a
	 * reindex left half-done by a crash never collides with the next one.
	 */
	async replaceAll(documents: readonly ProfileDocument[]): Promise<void> {
		const fresh = `${this.indexUid}_reindex_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
		try {
			await this.settle(this.client.createIndex(fresh, { primaryKey: this.definition.primaryKey }));
			await this.settle(this.client.index(fresh).updateSettings(definitionSettings(this.definition)));
			await this.addInBatches(fresh, documents);
			await this.settle(this.client.createIndex(this.indexUid, { primaryKey: this.definition.primaryKey }), [
				'index_already_exists'
			]);
			// `rename` is left out: servers before 1.18 reject it, and later ones default it to false.
			await this.settle(this.client.swapIndexes([{ indexes: [this.indexUid, fresh] } as IndexSwap]));
			await this.settle(this.client.deleteIndex(fresh));
		} catch (error) {
			// Best effort: the failed copy is of no use; the live index was not touched.
			await this.settle(this.client.deleteIndex(fresh), ['index_not_found']).catch(() => {});
			throw toSearchError(error);
		}
	}

	async upsert(documents: readonly ProfileDocument[]): Promise<void> {
		try {
			await this.addInBatches(this.indexUid, documents);
		} catch (error) {
			throw toSearchError(error);
		}
	}

	async remove(ids: readonly string[]): Promise<void> {
		try {
			for (let i = 0; i < ids.length; i += this.batchSize) {
				await this.settle(this.client.index(this.indexUid).deleteDocuments(ids.slice(i, i + this.batchSize)));
			}
		} catch (error) {
			throw toSearchError(error);
		}
	}

	async count(): Promise<number> {
		try {
			return (await this.client.index(this.indexUid).getStats()).numberOfDocuments;
		} catch (error) {
			throw toSearchError(error);
		}
	}

	/**
	 * For readiness: the server answers, and with our key our index answers too. `/health` alone needs no
	 * key, so it would call a server with a revoked key or a deleted index ready.
	 */
	async health(): Promise<{ status: 'available' }> {
		try {
			await this.client.health();
			await this.client.index(this.indexUid).getStats();
			return { status: 'available' };
		} catch (error) {
			throw toSearchError(error);
		}
	}

	async applySettings(): Promise<SettingsSyncReport> {
		try {
			await this.settle(this.client.createIndex(this.indexUid, { primaryKey: this.definition.primaryKey }), [
				'index_already_exists'
			]);
			const index = this.client.index(this.indexUid);
			const diff = settingsDiff(await index.getSettings(), definitionSettings(this.definition));
			const changed = Object.keys(diff);
			if (changed.length > 0) await this.settle(index.updateSettings(diff));
			return { changed };
		} catch (error) {
			throw toSearchError(error);
		}
	}

	/** Deletes the physical index (test clean-up). */
	async dropIndex(): Promise<void> {
		await this.settle(this.client.deleteIndex(this.indexUid), ['index_not_found']);
	}

	private physical(indexUid: string): string {
		if (indexUid !== this.definition.uid && indexUid !== this.indexUid) {
			throw new SearchError('index_not_found', `Index \`${indexUid}\` not found.`);
		}
		return this.indexUid;
	}

	private async addInBatches(uid: string, documents: readonly ProfileDocument[]): Promise<void> {
		const enqueued: EnqueuedTask[] = [];
		for (let i = 0; i < documents.length; i += this.batchSize) {
			enqueued.push(
				await this.client.index<ProfileDocument>(uid).addDocuments(documents.slice(i, i + this.batchSize))
			);
		}
		for (const task of await this.client.tasks.waitForTasks(enqueued, this.wait))
			this.expectSucceeded(task, []);
	}

	/** Waits for a task with an explicit timeout; a failed task throws unless its code is tolerated. */
	private async settle(promise: EnqueuedTaskPromise, tolerated: string[] = []): Promise<Task> {
		return this.expectSucceeded(await promise.waitTask(this.wait), tolerated);
	}

	private expectSucceeded(task: Task, tolerated: string[]): Task {
		if (task.status === 'succeeded' || (task.error && tolerated.includes(task.error.code))) return task;
		const error = task.error;
		throw new SearchError(
			error?.code ?? 'internal',
			error?.message ?? `Task ${task.uid} ended as ${task.status}.`,
			{
				status: 500,
				type: 'internal'
			}
		);
	}
}

export function createMeilisearchEngine(options: MeilisearchEngineOptions): MeilisearchSearchEngine {
	return new MeilisearchSearchEngine(options);
}
