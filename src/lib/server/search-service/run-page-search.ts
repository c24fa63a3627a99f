import type { MultiSearchResponse } from '$search/engine';
import { buildSearchRequest, mergeResults, type Workplace } from '$lib/search-page/search-query';
import type { SearchState } from '$lib/search-page/search-state';
import { toHitView, type SearchView } from '$lib/search-page/search-view';
import type { Queryable } from '../db/database';
import { resolveWorkplace } from '../places';
import { measured } from '../metrics';
import { searchEngine } from './search-service';

export interface PageSearch {
	view: SearchView;
	workplace: Workplace | null;
	/** Dutch message when the work location was not recognised (the rest of the search still runs). */
	workplaceError: string | null;
}

/** The search of the /kandidaten page on the server: the same queries the browser client sends. */
export async function runPageSearch(
	sql: Queryable,
	state: SearchState,
	now = new Date()
): Promise<PageSearch> {
	const workplace = state.workplace ? await resolveWorkplace(sql, state.workplace) : null;
	const workplaceError =
		state.workplace && !workplace
			? `We kennen ‘${state.workplace}’ niet als gemeente of postcode. Controleer de spelling of vul een postcode in, zoals 3511.`
			: null;
	const effective = workplace || state.sort !== 'afstand' ? state : { ...state, sort: 'relevantie' as const };
	const request = buildSearchRequest(effective, workplace, now);
	const engine = measured(searchEngine());
	// The embedded engine's text crosses from its thread as one string, cheaper than a cloned object graph.
	const { results } = engine.multiSearchJson
		? (JSON.parse(await engine.multiSearchJson(request)) as MultiSearchResponse)
		: await engine.multiSearch(request);
	const merged = mergeResults(request, results);
	return {
		workplace,
		workplaceError,
		view: {
			hits: merged.main.hits.map((hit) => toHitView(hit, hit._formatted ?? {})),
			facets: merged.facets,
			facetStats: merged.facetStats,
			totalHits: merged.totalHits,
			totalPages: merged.totalPages,
			page: effective.page
		}
	};
}
