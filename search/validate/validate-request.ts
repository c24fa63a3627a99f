/**
 * Validation of public search requests before they reach an engine: the body shape (valibot), the
 * index, attribute permissions from the index definition, and our paging limits, which are tighter than
 * Meilisearch's so nobody pages through the whole candidate pool. Errors are Meilisearch-shaped 400s.
 */
import * as v from 'valibot';
import type { FacetSearchRequest, MultiSearchRequest, SearchQuery } from '../engine';
import { PROFILE_INDEX, type IndexDefinition } from '../index-definition';
import { planFilter, planQuery } from '../query-plan';
import { SearchError, type SearchErrorCode } from '../search-error';
import { capFacetQuery, capQuery } from '../text/query-cap';
import { FIELD_ERROR_CODES, facetSearchSchema, multiSearchSchema, searchQuerySchema } from './request-schema';

export const SEARCH_LIMITS = {
	maxQueries: 20,
	maxHitsPerPage: 50,
	maxLimit: 50,
	/** No page may reach past this many hits. */
	maxReachableHits: 1000
} as const;

function shapeError(issues: [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]]): SearchError {
	const issue = issues[0];
	const path = (issue.path ?? []).map((p) => p.key as string | number);
	const location = path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');
	const field = [...path].reverse().find((k): k is string => typeof k === 'string' && k in FIELD_ERROR_CODES);
	if (path[path.length - 1] === 'indexUid' && issue.input === undefined) {
		const query = path.length > 1 ? ` inside \`.queries[${String(path[1])}]\`` : '';
		return new SearchError('missing_index_uid', `Missing field \`indexUid\`${query}`);
	}
	if (issue.kind === 'schema' && issue.type === 'strict_object' && issue.input !== undefined) {
		return new SearchError(
			'bad_request',
			`Unknown field \`${String(path[path.length - 1])}\`: ${issue.message}`
		);
	}
	return new SearchError(
		field ? FIELD_ERROR_CODES[field] : 'bad_request',
		`Invalid value at \`${location || '.'}\`: ${issue.message}`
	);
}

function checkNames(
	list: readonly string[] | null | undefined,
	allowed: readonly string[],
	code: SearchErrorCode,
	parameter: string,
	stripLength = false
): void {
	for (const entry of list ?? []) {
		const name = stripLength && entry.includes(':') ? entry.slice(0, entry.lastIndexOf(':')) : entry;
		if (name !== '*' && !allowed.includes(name)) {
			throw new SearchError(code, `Attribute \`${name}\` in \`${parameter}\` is not a public attribute.`);
		}
	}
}

function checkQuery(query: SearchQuery, definition: IndexDefinition): SearchQuery {
	// Meilisearch's own checks: index, filterable, facet and sortable attributes.
	planQuery(query, definition);
	const displayed = definition.displayedAttributes as readonly string[];
	checkNames(
		query.attributesToRetrieve,
		displayed,
		'invalid_search_attributes_to_retrieve',
		'attributesToRetrieve'
	);
	checkNames(
		query.attributesToHighlight,
		displayed,
		'invalid_search_attributes_to_highlight',
		'attributesToHighlight'
	);
	checkNames(
		query.attributesToCrop,
		displayed,
		'invalid_search_attributes_to_crop',
		'attributesToCrop',
		true
	);
	const { maxHitsPerPage, maxLimit, maxReachableHits } = SEARCH_LIMITS;
	const limit = query.limit ?? 20;
	const offset = query.offset ?? 0;
	const hitsPerPage = query.hitsPerPage ?? 20;
	const page = query.page ?? 1;
	if (limit > maxLimit)
		throw new SearchError('invalid_search_limit', `\`limit\` may be at most ${maxLimit}.`);
	if (hitsPerPage > maxHitsPerPage) {
		throw new SearchError(
			'invalid_search_hits_per_page',
			`\`hitsPerPage\` may be at most ${maxHitsPerPage}.`
		);
	}
	if (offset + limit > maxReachableHits) {
		throw new SearchError('invalid_search_offset', `\`offset + limit\` may be at most ${maxReachableHits}.`);
	}
	if (page * hitsPerPage > maxReachableHits) {
		throw new SearchError(
			'invalid_search_page',
			`\`page * hitsPerPage\` may be at most ${maxReachableHits}.`
		);
	}
	return {
		...query,
		...(typeof query.q === 'string' && { q: capQuery(query.q, definition.stopWords) }),
		matchingStrategy: query.matchingStrategy ?? definition.publicMatchingStrategy
	};
}

/** Validates a multi-search body; returns it typed, with our default matching strategy filled in. */
export function validateMultiSearch(
	body: unknown,
	definition: IndexDefinition = PROFILE_INDEX
): MultiSearchRequest {
	const parsed = v.safeParse(multiSearchSchema, body);
	if (!parsed.success) throw shapeError(parsed.issues);
	const { queries } = parsed.output;
	if (queries.length > SEARCH_LIMITS.maxQueries) {
		throw new SearchError(
			'bad_request',
			`A multi-search may hold at most ${SEARCH_LIMITS.maxQueries} queries.`
		);
	}
	return {
		queries: queries.map((query, i) => {
			try {
				return checkQuery(query, definition);
			} catch (error) {
				throw error instanceof SearchError ? error.withQueryIndex(i) : error;
			}
		})
	};
}

/** Validates one search query on its own (the single-index search route). */
export function validateSearchQuery(body: unknown, definition: IndexDefinition = PROFILE_INDEX): SearchQuery {
	const parsed = v.safeParse(searchQuerySchema, body);
	if (!parsed.success) throw shapeError(parsed.issues);
	return checkQuery(parsed.output, definition);
}

export function validateFacetSearch(
	indexUid: string,
	body: unknown,
	definition: IndexDefinition = PROFILE_INDEX
): FacetSearchRequest {
	if (indexUid !== definition.uid)
		throw new SearchError('index_not_found', `Index \`${indexUid}\` not found.`);
	const parsed = v.safeParse(facetSearchSchema, body);
	if (!parsed.success) throw shapeError(parsed.issues);
	const request = parsed.output;
	const facetable = definition.filterableAttributes.filter((a) => a !== '_geo') as readonly string[];
	if (!facetable.includes(request.facetName)) {
		throw new SearchError(
			'invalid_facet_search_facet_name',
			`Attribute \`${request.facetName}\` is not facet-searchable. Available facet-searchable attributes are: \`${[...facetable].sort().join(', ')}\`.`
		);
	}
	planFilter(request.filter, definition);
	return {
		...request,
		...(typeof request.q === 'string' && { q: capQuery(request.q, definition.stopWords) }),
		...(typeof request.facetQuery === 'string' && { facetQuery: capFacetQuery(request.facetQuery) }),
		matchingStrategy: request.matchingStrategy ?? definition.publicMatchingStrategy
	};
}
