import { buildSearchRequest, type Workplace } from '$lib/search-page/search-query';
import type { SearchState } from '$lib/search-page/search-state';
import { PROFILE_INDEX_UID } from '$search/document';
import type { FilterInput, SearchEngine, SearchQuery, SearchResult } from '$search/engine';
import type { Queryable } from '../db/database';
import { resolveWorkplace } from '../places';

/**
 * Engine queries for saved searches, built from the same main query the /kandidaten page sends, so a
 * count, a list and an alert match exactly what the page shows for that search; only narrowed further.
 */
export function savedSearchQuery(
	state: SearchState,
	workplace: Workplace | null,
	now: Date,
	options: { filters?: string[]; limit: number; attributes?: string[] }
): SearchQuery {
	const effective = workplace || state.sort !== 'afstand' ? state : { ...state, sort: 'relevantie' as const };
	const [main] = buildSearchRequest({ ...effective, page: 1 }, workplace, now).queries;
	return {
		indexUid: main.indexUid,
		q: main.q,
		filter: [...((main.filter as Exclude<FilterInput, string>) ?? []), ...(options.filters ?? [])],
		sort: main.sort,
		limit: options.limit,
		...(options.attributes ? { attributesToRetrieve: options.attributes } : {})
	};
}

export const publishedAfter = (unixSeconds: number) => `"publishedAt">${Math.floor(unixSeconds)}`;
export const publishedUpTo = (unixSeconds: number) => `"publishedAt"<=${Math.floor(unixSeconds)}`;

export function totalOf(result: SearchResult): number {
	return 'totalHits' in result ? result.totalHits : result.estimatedTotalHits;
}

/** Resolves each distinct work location once per run: many saved searches share a few places. */
export function workplaceResolver(sql: Queryable): (text: string) => Promise<Workplace | null> {
	const cache = new Map<string, Promise<Workplace | null>>();
	return (text) => {
		if (!text) return Promise.resolve(null);
		let found = cache.get(text);
		if (!found) cache.set(text, (found = resolveWorkplace(sql, text)));
		return found;
	};
}

/**
 * The newest first-publication time in the index. Publication happens in batches that reach the index
 * whole, so every profile published up to this moment is searchable: an alert that covers up to here
 * misses nothing, even when the index lags behind the database.
 */
export async function indexHighWater(engine: SearchEngine): Promise<number> {
	const { results } = await engine.multiSearch({
		queries: [
			{
				indexUid: PROFILE_INDEX_UID,
				q: '',
				limit: 1,
				sort: ['publishedAt:desc'],
				attributesToRetrieve: ['publishedAt']
			}
		]
	});
	return Number(results[0]?.hits[0]?.publishedAt ?? 0);
}

/** Runs many queries in chunks, so one multi-search request never grows without bound. */
export async function runQueries(
	engine: SearchEngine,
	queries: SearchQuery[],
	chunk = 100
): Promise<SearchResult[]> {
	const results: SearchResult[] = [];
	for (let i = 0; i < queries.length; i += chunk) {
		const response = await engine.multiSearch({ queries: queries.slice(i, i + chunk) });
		results.push(...response.results);
	}
	return results;
}
