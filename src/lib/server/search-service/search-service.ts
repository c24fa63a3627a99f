import {
	createSearchEngine,
	createWorkerEngine,
	type ProfileDocument,
	type SearchEngine
} from '../../../../search/index';
import type { Config } from '../config';
import type { Queryable } from '../db/database';
import { log } from '../log';
import { listPublicDocuments } from '../profiles/queries';

let engine: SearchEngine | undefined;

/** The search engine of this process (Meilisearch when MEILI_URL is set, else the embedded engine). */
export function searchEngine(): SearchEngine {
	if (!engine) throw new Error('The search engine has not been started.');
	return engine;
}

/**
 * Meilisearch when MEILI_URL is set; otherwise the embedded engine in worker threads, so searching
 * never holds up the web server's own thread.
 */
export function createConfiguredEngine(
	config: Pick<Config, 'MEILI_URL' | 'MEILI_API_KEY' | 'SEARCH_THREADS'>,
	options: { onIndexLost?: (error: Error) => void } = {}
): SearchEngine {
	if (!config.MEILI_URL) return createWorkerEngine({ threads: config.SEARCH_THREADS, ...options });
	return createSearchEngine({ meili: { host: config.MEILI_URL, apiKey: config.MEILI_API_KEY ?? '' } });
}

export function useSearchEngine(next: SearchEngine | undefined): void {
	engine = next;
}

export async function loadAllPublicDocuments(sql: Queryable): Promise<ProfileDocument[]> {
	const documents: ProfileDocument[] = [];
	for await (const page of listPublicDocuments(sql)) documents.push(...page);
	return documents;
}

/** Rebuilds the index from PostgreSQL aside and swaps it in: searches keep working throughout. */
export async function reindexFromDatabase(
	sql: Queryable,
	target: SearchEngine = searchEngine()
): Promise<number> {
	const began = Date.now();
	// The embedded engine indexes each page while the next is read.
	const count = target.replaceAllFrom
		? await target.replaceAllFrom(listPublicDocuments(sql))
		: await loadAllPublicDocuments(sql).then(async (documents) => {
				await target.replaceAll(documents);
				return documents.length;
			});
	log.info({ documents: count, ms: Date.now() - began, engine: target.kind }, 'search index rebuilt');
	return count;
}

/** A fingerprint of the published set that changes whenever a profile is published, changed or withdrawn. */
export async function publishedFingerprint(sql: Queryable): Promise<string> {
	const [row] = await sql<{ n: number; latest: string; refs: string }[]>`
		select count(*)::int as n, coalesce(max(updated_at)::text, '') as latest,
			coalesce(sum(hashtext(public_ref)), 0)::text as refs
		from public_profiles`;
	return `${row.n}:${row.latest}:${row.refs}`;
}

/** The running engine as an import's or publication's index target. */
export function searchIndexTarget() {
	return {
		upsert: (documents: ProfileDocument[]) => searchEngine().upsert(documents),
		remove: (ids: string[]) => searchEngine().remove(ids)
	};
}
