/**
 * Interprets one search query against the index definition with Meilisearch's defaults and errors. The
 * embedded engine executes the plan; request validation reuses it so both reject the same requests.
 */
import type { FilterInput, SearchQuery } from './engine';
import { checkFilterAttributes } from './filter/check';
import type { FilterNode } from './filter/ast';
import { parseFilter } from './filter/parse';
import { facetableAttributes, type IndexDefinition, type MatchingStrategy } from './index-definition';
import { SearchError, type SearchErrorCode } from './search-error';
import { parseSort, type SortCriterion } from './sort';

export type Pagination =
	{ mode: 'offset'; offset: number; limit: number } | { mode: 'page'; page: number; hitsPerPage: number };

export interface QueryPlan {
	q: string;
	filter: FilterNode | null;
	facets: string[] | null;
	sort: SortCriterion[];
	retrieve: string[];
	formatted: string[];
	highlight: Set<string>;
	crop: Map<string, number>;
	preTag: string;
	postTag: string;
	cropMarker: string;
	pagination: Pagination;
	matchingStrategy: MatchingStrategy;
}

export function planFilter(
	filter: FilterInput | null | undefined,
	definition: IndexDefinition
): FilterNode | null {
	const node = parseFilter(filter);
	if (node) checkFilterAttributes(node, definition.filterableAttributes);
	return node;
}

export function planFacets(
	facets: readonly string[] | null | undefined,
	definition: IndexDefinition
): string[] | null {
	if (facets === null || facets === undefined) return null;
	const allowed = facetableAttributes(definition);
	const out = new Set<string>();
	for (const facet of facets) {
		if (facet === '*') allowed.forEach((a) => out.add(a));
		else if (allowed.includes(facet)) out.add(facet);
		else {
			throw new SearchError(
				'invalid_search_facets',
				`Invalid facet distribution, attribute \`${facet}\` is not filterable. The available filterable attributes are \`${[...allowed].sort().join(', ')}\`.`
			);
		}
	}
	return [...out];
}

function displayedSubset(
	list: readonly string[] | null | undefined,
	definition: IndexDefinition,
	fallbackAll: boolean
): string[] {
	const displayed = definition.displayedAttributes as readonly string[];
	if (list === null || list === undefined) return fallbackAll ? [...displayed] : [];
	if (list.includes('*')) return [...displayed];
	// Meilisearch ignores names that are not displayed rather than failing.
	return displayed.filter((a) => list.includes(a));
}

function planCrop(query: SearchQuery, definition: IndexDefinition): Map<string, number> {
	const crop = new Map<string, number>();
	const fallback = query.cropLength ?? 10;
	for (const entry of query.attributesToCrop ?? []) {
		const colon = entry.lastIndexOf(':');
		const name = colon < 0 ? entry : entry.slice(0, colon);
		const lengthText = colon < 0 ? null : entry.slice(colon + 1);
		if (lengthText !== null && !/^\d+$/.test(lengthText)) {
			throw new SearchError(
				'invalid_search_attributes_to_crop',
				`Invalid crop length in \`${entry}\`: expected a positive integer.`
			);
		}
		const length = lengthText === null ? fallback : Number(lengthText);
		for (const attribute of displayedSubset([name], definition, false)) crop.set(attribute, length);
	}
	return crop;
}

function nonNegative(
	value: number | undefined,
	fallback: number,
	code: SearchErrorCode,
	name: string
): number {
	if (value === undefined) return fallback;
	if (!Number.isInteger(value) || value < 0) {
		throw new SearchError(
			code,
			`Invalid value in parameter \`${name}\`: expected a positive integer, but found \`${value}\`.`
		);
	}
	return value;
}

/** Meilisearch refuses a sort it could not apply rather than ignoring it. */
function planSort(query: SearchQuery, definition: IndexDefinition): SortCriterion[] {
	const sort = parseSort(query.sort, definition.sortableAttributes);
	if (query.sort != null && !definition.rankingRules.includes('sort')) {
		throw new SearchError(
			'invalid_search_sort',
			'You must specify where `sort` is listed in the rankingRules setting to use the sort parameter at search time.'
		);
	}
	return sort;
}

export function planQuery(query: SearchQuery, definition: IndexDefinition): QueryPlan {
	// A body without the field fails Meilisearch's deserialisation, before any index is looked up.
	if (query.indexUid === undefined || query.indexUid === null) {
		throw new SearchError('missing_index_uid', 'Missing field `indexUid`.');
	}
	if (query.indexUid !== definition.uid) {
		throw new SearchError('index_not_found', `Index \`${query.indexUid}\` not found.`);
	}
	const finite = query.page != null || query.hitsPerPage != null;
	const pagination: Pagination = finite
		? {
				mode: 'page',
				page: nonNegative(query.page ?? undefined, 1, 'invalid_search_page', 'page'),
				hitsPerPage: nonNegative(
					query.hitsPerPage ?? undefined,
					20,
					'invalid_search_hits_per_page',
					'hitsPerPage'
				)
			}
		: {
				mode: 'offset',
				offset: nonNegative(query.offset, 0, 'invalid_search_offset', 'offset'),
				limit: nonNegative(query.limit, 20, 'invalid_search_limit', 'limit')
			};
	const highlight = new Set(displayedSubset(query.attributesToHighlight, definition, false));
	const crop = planCrop(query, definition);
	const retrieve = displayedSubset(query.attributesToRetrieve, definition, true);
	const formatted =
		highlight.size > 0 || crop.size > 0
			? (definition.displayedAttributes as readonly string[]).filter(
					(a) => retrieve.includes(a) || highlight.has(a) || crop.has(a)
				)
			: [];
	return {
		q: query.q ?? '',
		filter: planFilter(query.filter, definition),
		facets: planFacets(query.facets, definition),
		sort: planSort(query, definition),
		retrieve,
		formatted,
		highlight,
		crop,
		preTag: query.highlightPreTag ?? '<em>',
		postTag: query.highlightPostTag ?? '</em>',
		cropMarker: query.cropMarker ?? '…',
		pagination,
		matchingStrategy: query.matchingStrategy ?? 'last'
	};
}
