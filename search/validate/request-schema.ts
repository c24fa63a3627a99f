/** Body shapes of the public search endpoint: exactly the fields instant-meilisearch sends, nothing else. */
import * as v from 'valibot';

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const names = v.nullish(v.array(v.string()));
const filter = v.nullish(v.union([v.string(), v.array(v.union([v.string(), v.array(v.string())]))]));
const strategy = v.optional(v.picklist(['last', 'all']));

export const searchQuerySchema = v.strictObject({
	indexUid: v.string(),
	q: v.nullish(v.string()),
	filter,
	facets: names,
	attributesToRetrieve: names,
	attributesToHighlight: names,
	highlightPreTag: v.optional(v.string()),
	highlightPostTag: v.optional(v.string()),
	attributesToCrop: names,
	cropLength: v.optional(count),
	cropMarker: v.optional(v.string()),
	limit: v.optional(count),
	offset: v.optional(count),
	hitsPerPage: v.optional(count),
	page: v.optional(count),
	sort: names,
	matchingStrategy: strategy
});

export const multiSearchSchema = v.strictObject({
	queries: v.array(searchQuerySchema)
});

export const facetSearchSchema = v.strictObject({
	facetName: v.string(),
	facetQuery: v.nullish(v.string()),
	q: v.nullish(v.string()),
	filter,
	matchingStrategy: strategy
});

/** Meilisearch's error code for a malformed field, by field name. */
export const FIELD_ERROR_CODES: Record<string, string> = {
	indexUid: 'invalid_index_uid',
	q: 'invalid_search_q',
	filter: 'invalid_search_filter',
	facets: 'invalid_search_facets',
	attributesToRetrieve: 'invalid_search_attributes_to_retrieve',
	attributesToHighlight: 'invalid_search_attributes_to_highlight',
	highlightPreTag: 'invalid_search_highlight_pre_tag',
	highlightPostTag: 'invalid_search_highlight_post_tag',
	attributesToCrop: 'invalid_search_attributes_to_crop',
	cropLength: 'invalid_search_crop_length',
	cropMarker: 'invalid_search_crop_marker',
	limit: 'invalid_search_limit',
	offset: 'invalid_search_offset',
	hitsPerPage: 'invalid_search_hits_per_page',
	page: 'invalid_search_page',
	sort: 'invalid_search_sort',
	matchingStrategy: 'invalid_search_matching_strategy',
	facetName: 'invalid_facet_search_facet_name',
	facetQuery: 'invalid_facet_search_facet_query'
};
