import type { SearchEngine } from '$search/engine';
import type { Queryable } from '../db/database';
import { publishedAfter, runQueries, savedSearchQuery, totalOf, workplaceResolver } from './engine-queries';
import { searchStateOf } from './saved-search-query';
import type { SavedSearch } from './saved-search-store';

export interface SearchCounts {
	total: number;
	/** Published after the owner last looked at this search. */
	newSinceViewed: number;
}

/** Two counting queries per search (no hits fetched), all in one round trip to the engine. */
export async function countSavedSearches(
	sql: Queryable,
	engine: SearchEngine,
	searches: SavedSearch[],
	now: Date
): Promise<Map<string, SearchCounts>> {
	const resolve = workplaceResolver(sql);
	const queries = [];
	for (const search of searches) {
		const state = searchStateOf(search.query);
		const workplace = await resolve(state.workplace);
		const viewed = Math.floor(search.lastViewedAt.getTime() / 1000);
		queries.push(savedSearchQuery(state, workplace, now, { limit: 0 }));
		queries.push(savedSearchQuery(state, workplace, now, { limit: 0, filters: [publishedAfter(viewed)] }));
	}
	const results = await runQueries(engine, queries);
	return new Map(
		searches.map((s, i) => [
			s.id,
			{ total: totalOf(results[2 * i]), newSinceViewed: totalOf(results[2 * i + 1]) }
		])
	);
}
