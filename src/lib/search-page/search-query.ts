import { startOfAmsterdamDay, unixSeconds } from '../time';
import type {
	FacetDistribution,
	FacetStats,
	MultiSearchRequest,
	SearchQuery,
	SearchResult
} from '$search/engine';
import { PROFILE_INDEX_UID } from '$search/document';
import { FACET_ATTRIBUTES, HITS_PER_PAGE } from './facets';
import { HIT_ATTRIBUTES } from './search-view';
import { AVAILABILITY_MATCHES } from '$lib/reference/published-values';
import type { SearchState } from './search-state';

/** A resolved work location: the municipality whose reachability and distance we search on. */
export interface Workplace {
	code: string;
	name: string;
	lat: number;
	lon: number;
}

export const HIGHLIGHT_PRE = '__ais-highlight__';
export const HIGHLIGHT_POST = '__/ais-highlight__';

const quote = (value: string) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

/** Start of today in Europe/Amsterdam, as unix seconds (availability is a matter of days). */
export const startOfToday = (now: Date): number => unixSeconds(startOfAmsterdamDay(now));

/** The filters of every part of a search except the facet refinements, in Meilisearch's syntax. */
export function baseFilters(state: SearchState, workplace: Workplace | null, now: Date): string[] {
	const filters: string[] = [];
	if (state.hoursMin !== null) filters.push(`"hoursPerWeek">=${state.hoursMin}`);
	if (state.hoursMax !== null) filters.push(`"hoursPerWeek"<=${state.hoursMax}`);
	// Availability is published as a category on the day of publication, so `now` no longer matters here.
	void now;
	if (state.availability) {
		const codes = AVAILABILITY_MATCHES[state.availability].map(quote).join(', ');
		filters.push(`"availability" IN [${codes}]`);
	}
	if (workplace) filters.push(`"reachableMunicipalities"=${quote(workplace.code)}`);
	return filters;
}

function refinementFilters(state: SearchState, except?: string): string[][] {
	return Object.entries(state.refinements)
		.filter(([attribute, values]) => attribute !== except && values.length)
		.map(([attribute, values]) => values.map((value) => `${quote(attribute)}=${quote(value)}`));
}

export function sortOf(state: SearchState, workplace: Workplace | null): string[] | undefined {
	if (state.sort === 'recent') return ['updatedAt:desc'];
	if (state.sort === 'afstand' && workplace) return [`_geoPoint(${workplace.lat},${workplace.lon}):asc`];
	return undefined;
}

/**
 * The multi-search of one page view, built the way InstantSearch builds it (disjunctive faceting): the
 * main query with every filter, plus one facets-only query per refined attribute that leaves out that
 * attribute's own filter, so its counts show what choosing another value would give.
 */
export function buildSearchRequest(
	state: SearchState,
	workplace: Workplace | null,
	now: Date
): MultiSearchRequest {
	const base = baseFilters(state, workplace, now);
	const main: SearchQuery = {
		indexUid: PROFILE_INDEX_UID,
		q: state.q,
		filter: [...base, ...refinementFilters(state)],
		facets: [...FACET_ATTRIBUTES, 'hoursPerWeek'],
		hitsPerPage: HITS_PER_PAGE,
		page: state.page,
		attributesToRetrieve: [...HIT_ATTRIBUTES],
		attributesToHighlight: ['title', 'summary'],
		highlightPreTag: HIGHLIGHT_PRE,
		highlightPostTag: HIGHLIGHT_POST,
		sort: sortOf(state, workplace)
	};
	const disjunctive: SearchQuery[] = Object.keys(state.refinements)
		.filter((attribute) => state.refinements[attribute]?.length)
		.map((attribute) => ({
			indexUid: PROFILE_INDEX_UID,
			q: state.q,
			filter: [...base, ...refinementFilters(state, attribute)],
			facets: [attribute],
			limit: 0
		}));
	return { queries: [main, ...disjunctive] };
}

export interface MergedResult {
	main: SearchResult;
	facets: FacetDistribution;
	facetStats: FacetStats;
	totalHits: number;
	totalPages: number;
}

/** Puts the disjunctive counts in place of the main query's counts for the refined attributes. */
export function mergeResults(request: MultiSearchRequest, results: SearchResult[]): MergedResult {
	const [main, ...rest] = results;
	const facets: FacetDistribution = { ...(main.facetDistribution ?? {}) };
	rest.forEach((result, i) => {
		const attribute = request.queries[i + 1].facets![0];
		facets[attribute] = result.facetDistribution?.[attribute] ?? {};
	});
	const totalHits = 'totalHits' in main ? main.totalHits : main.estimatedTotalHits;
	const totalPages = 'totalPages' in main ? main.totalPages : Math.ceil(totalHits / HITS_PER_PAGE);
	return { main, facets, facetStats: main.facetStats ?? {}, totalHits, totalPages };
}
