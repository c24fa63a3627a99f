/** Executes one search or facet search on an embedded index, producing Meilisearch's response shape. */
import type { FacetSearchRequest, FacetSearchResponse, SearchQuery, SearchResult } from '../engine';
import { planFilter, planQuery, type QueryPlan } from '../query-plan';
import { SearchError } from '../search-error';
import { normalizeText } from '../text/normalize';
import { capFacetQuery, capQuery } from '../text/query-cap';
import type { MatchingStrategy } from '../index-definition';
import { idsInWindow } from './bitset';
import type { EmbeddedIndex } from './build-index';
import {
	countFacets,
	countValues,
	facetsFromCounts,
	hitSetOf,
	orderedValues,
	type HitSet
} from './facet-counts';
import { filterToBitset } from './filter-bitset';
import { formatHit, type FormatOptions } from './format-hit';
import { matchedWithin, matchText, type TextMatches } from './match-text';
import { analyseQuery, type AnalysedQuery } from './query-terms';
import { rankWindow, type Ranked } from './rank';
import { memoized } from './query-cache';
import { filteredShortPrefix, shortPrefixAnswer, sortedShortPrefix } from './short-prefix';
import type { FilterNode } from '../filter/ast';
import type { SortCriterion } from '../sort';

interface Candidates {
	/** Matching documents; in document order for a placeholder search. */
	hits: HitSet;
	text: TextMatches | null;
	analysed: AnalysedQuery;
	/** The requested window, already ranked (precomputed short prefixes, filtered placeholders). */
	page: Ranked | null;
}

function findCandidates(
	index: EmbeddedIndex,
	q: string,
	filter: FilterNode | null,
	strategy: MatchingStrategy,
	window: { offset: number; limit: number; sort: readonly SortCriterion[] } = {
		offset: 0,
		limit: 0,
		sort: []
	}
): Candidates {
	const filterBits = filter ? filterToBitset(index, filter) : null;
	// Capped here as well: pages and alerts reach the engine without the public endpoint's validation.
	const capped = capQuery(q, index.stopWords);
	const analysed = memoized(index, `query:${capped}`, () => analyseQuery(index, capped));
	if (analysed.terms.length === 0 && analysed.negatives.length === 0) {
		if (!filterBits)
			return { hits: hitSetOf(index, index.allIds, index.all), text: null, analysed, page: null };
		// Document order: the window is read off the bitset, and the ids are listed only if a count needs them.
		const page =
			window.sort.length > 0
				? null
				: { docs: idsInWindow(filterBits, window.offset, window.limit), geoDistances: null };
		return { hits: hitSetOf(index, null, filterBits), text: null, analysed, page };
	}
	const short = shortPrefixAnswer(index, analysed, strategy);
	if (short && (window.sort.length === 0 || short.keys !== null)) {
		const sorted = window.sort.length > 0;
		const hits = filteredShortPrefix(short, filterBits, window.offset, sorted ? 0 : window.limit);
		// A sort rule ranks inside the text rules' ties: the order is walked group by group.
		const page = sorted
			? sortedShortPrefix(index, short, hits, window.sort, window.offset, window.limit)
			: { docs: hits.page, geoDistances: null };
		if (page) {
			const ids = hits.bits === short.bits ? short.docs : null;
			return { hits: hitSetOf(index, ids, hits.bits, hits.total), text: null, analysed, page };
		}
	}
	if (window.limit === 0 && filterBits !== null) {
		// Nothing to rank (facets only): the matches within the filter are one AND of bitsets.
		const hits = matchedWithin(index, analysed, strategy, filterBits);
		return { hits: hitSetOf(index, hits.docs, hits.bits), text: null, analysed, page: null };
	}
	const text = matchText(index, analysed, strategy, filterBits);
	// Exclusions alone ("-bouw") rank like a placeholder search: in document order.
	return {
		hits: hitSetOf(index, text.docs, null),
		text: analysed.terms.length === 0 ? null : text,
		analysed,
		page: null
	};
}

function hitWindow(plan: QueryPlan, maxTotalHits: number): { offset: number; limit: number } {
	const { pagination } = plan;
	const wanted =
		pagination.mode === 'offset'
			? { offset: pagination.offset, limit: pagination.limit }
			: pagination.page === 0
				? { offset: 0, limit: 0 }
				: { offset: (pagination.page - 1) * pagination.hitsPerPage, limit: pagination.hitsPerPage };
	// Hits past maxTotalHits are unreachable in Meilisearch, whatever the pagination asks.
	const offset = Math.min(wanted.offset, maxTotalHits);
	return { offset, limit: Math.max(0, Math.min(wanted.limit, maxTotalHits - offset)) };
}

/** Facet counts memoised with the text of the distribution, written once for the JSON responses. */
interface MemoFacets {
	counts: ReturnType<typeof countFacets>;
	json: string | null;
}

/**
 * The facets of a search. The counts are memoised on what decides them (the query's meaning, the
 * matching strategy, the filter and the facet list, not the page or sort): the next page, or the same
 * refinements typed again, reuses them. The response objects are made anew for each caller, as
 * responses may be changed downstream; their JSON text, immutable, is shared.
 */
function memoFacets(index: EmbeddedIndex, plan: QueryPlan, candidates: Candidates): MemoFacets {
	const attributes = plan.facets!;
	const key = JSON.stringify([plan.matchingStrategy, candidates.analysed.key, plan.filter, attributes]);
	return memoized(
		index,
		key,
		(): MemoFacets => ({ counts: countFacets(index, attributes, candidates.hits), json: null }),
		'facets'
	);
}

/** `,"facetDistribution":…,"facetStats":…` as JSON.stringify writes them inside the response. */
function facetsJson(index: EmbeddedIndex, plan: QueryPlan, candidates: Candidates): string {
	const memo = memoFacets(index, plan, candidates);
	memo.json ??= ',' + JSON.stringify(facetsFromCounts(index, memo.counts)).slice(1, -1);
	return memo.json;
}

const NOTHING: ReadonlySet<string> = new Set();

/** A search up to its hits: which documents, how to format them, and the fields around them. */
interface Answer {
	plan: QueryPlan;
	candidates: Candidates;
	ranked: Ranked;
	formatOptions: FormatOptions;
	started: number;
}

function answer(index: EmbeddedIndex, query: SearchQuery): Answer {
	const started = performance.now();
	const plan = planQuery(query, index.definition);
	const window = hitWindow(plan, index.definition.pagination.maxTotalHits);
	const candidates = findCandidates(index, plan.q, plan.filter, plan.matchingStrategy, {
		...window,
		sort: plan.sort
	});
	const ranked =
		candidates.page ??
		rankWindow(
			index,
			candidates.hits.ids(),
			candidates.text,
			candidates.analysed.terms.length,
			plan.sort,
			window.offset,
			window.limit
		);
	const formatOptions = {
		...plan,
		// Without query words nothing is highlighted: the texts need not be split into words for it.
		highlight: candidates.analysed.terms.length === 0 ? NOTHING : plan.highlight,
		highlightLength: candidates.analysed.highlightLength,
		termOf: candidates.analysed.termOf
	};
	return { plan, candidates, ranked, formatOptions, started };
}

/** What follows the facets: the pagination of the response, in Meilisearch's order. */
function paginationOf(index: EmbeddedIndex, { plan, candidates }: Answer) {
	const total = Math.min(candidates.hits.count, index.definition.pagination.maxTotalHits);
	if (plan.pagination.mode === 'offset') {
		return { limit: plan.pagination.limit, offset: plan.pagination.offset, estimatedTotalHits: total };
	}
	const { hitsPerPage, page } = plan.pagination;
	return {
		hitsPerPage,
		page,
		totalPages: hitsPerPage === 0 ? 0 : Math.ceil(total / hitsPerPage),
		totalHits: total
	};
}

export function executeSearch(index: EmbeddedIndex, query: SearchQuery): SearchResult {
	const found = answer(index, query);
	const { ranked, formatOptions, plan, candidates } = found;
	const hits = ranked.docs.map((d, i) =>
		formatHit(
			index.documents[d] as unknown as Record<string, unknown>,
			formatOptions,
			ranked.geoDistances ? ranked.geoDistances[i] : undefined
		)
	);
	const facets = plan.facets ? facetsFromCounts(index, memoFacets(index, plan, candidates).counts) : null;
	return {
		indexUid: query.indexUid,
		hits,
		query: plan.q,
		processingTimeMs: Math.round(performance.now() - found.started),
		...(facets ?? {}),
		...paginationOf(index, found)
	};
}

/**
 * The same search as JSON text, equal to `JSON.stringify(executeSearch(index, query))`: hits are written
 * from their documents' cached text and the facets from their memoised text, without building objects.
 */
export function executeSearchJson(index: EmbeddedIndex, query: SearchQuery): string {
	const { hitTexts } = index;
	if (!hitTexts) return JSON.stringify(executeSearch(index, query));
	const found = answer(index, query);
	const { ranked, plan, candidates } = found;
	const layout = hitTexts.layout(found.formatOptions);
	let hits = '';
	for (let i = 0; i < ranked.docs.length; i++) {
		const d = ranked.docs[i];
		const document = index.documents[d] as unknown as Record<string, unknown>;
		hits += (i === 0 ? '' : ',') + hitTexts.hitJson(d, document, layout, ranked.geoDistances?.[i]);
	}
	const facets = plan.facets ? facetsJson(index, plan, candidates) : '';
	const uid = JSON.stringify(query.indexUid);
	const head = uid === undefined ? '{"hits":[' : '{"indexUid":' + uid + ',"hits":[';
	const fields = JSON.stringify({
		query: plan.q,
		processingTimeMs: Math.round(performance.now() - found.started)
	});
	return (
		head +
		hits +
		'],' +
		fields.slice(1, -1) +
		facets +
		',' +
		JSON.stringify(paginationOf(index, found)).slice(1)
	);
}

export function executeFacetSearch(index: EmbeddedIndex, request: FacetSearchRequest): FacetSearchResponse {
	const started = performance.now();
	const { definition } = index;
	if (!definition.filterableAttributes.includes(request.facetName as never) || request.facetName === '_geo') {
		throw new SearchError(
			'invalid_facet_search_facet_name',
			`Attribute \`${request.facetName}\` is not facet-searchable. Available facet-searchable attributes are: \`${[
				...definition.filterableAttributes
			]
				.filter((a) => a !== '_geo')
				.sort()
				.join(', ')}\`.`
		);
	}
	const filter = planFilter(request.filter, definition);
	const candidates = findCandidates(index, request.q ?? '', filter, request.matchingStrategy ?? 'last');
	const field = index.facets.get(request.facetName)!;
	const counts = countValues(index, field, candidates.hits);
	const wanted = normalizeText(capFacetQuery(request.facetQuery ?? '')).trim();
	const facetHits = orderedValues(index, field, counts)
		// Facet search covers string values only, as in Meilisearch.
		.filter((v) => Number.isNaN(field.numeric[v]) && field.searchable[v].startsWith(wanted))
		// Meilisearch returns at most maxValuesPerFacet facet hits, its faceting limit, here too.
		.slice(0, definition.faceting.maxValuesPerFacet)
		.map((v) => ({ value: field.display[v], count: counts[v] }));
	return {
		facetHits,
		facetQuery: request.facetQuery ?? null,
		processingTimeMs: Math.round(performance.now() - started)
	};
}
