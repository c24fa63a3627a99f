/**
 * The search port and the wire types of Meilisearch's multi-search and facet-search, as
 * instant-meilisearch uses them. Both engines speak exactly this, so `/api/search` can forward bodies
 * without caring which engine answers.
 */
import type { ProfileDocument } from './document';
import type { IndexDefinition, MatchingStrategy } from './index-definition';

export { SearchError, type SearchErrorBody, type SearchErrorCode } from './search-error';

/** Meilisearch's filter: a string, or an array ANDing strings and OR-groups of strings. */
export type FilterInput = string | (string | string[])[];

export interface SearchQuery {
	indexUid: string;
	q?: string | null;
	filter?: FilterInput | null;
	facets?: string[] | null;
	attributesToRetrieve?: string[] | null;
	attributesToHighlight?: string[] | null;
	highlightPreTag?: string;
	highlightPostTag?: string;
	/** `attr` or `attr:length`. */
	attributesToCrop?: string[] | null;
	cropLength?: number;
	cropMarker?: string;
	limit?: number;
	offset?: number;
	hitsPerPage?: number;
	page?: number;
	/** `attr:asc|desc` or `_geoPoint(lat, lng):asc|desc`. */
	sort?: string[] | null;
	matchingStrategy?: MatchingStrategy;
}

export interface MultiSearchRequest {
	queries: SearchQuery[];
}

export type Hit = Partial<ProfileDocument> & {
	_formatted?: Record<string, unknown>;
	/** Metres from the `_geoPoint` in `sort`; only when sorting by distance. */
	_geoDistance?: number;
};

export type FacetDistribution = Record<string, Record<string, number>>;
export type FacetStats = Record<string, { min: number; max: number }>;

interface SearchResultBase {
	indexUid: string;
	hits: Hit[];
	query: string;
	processingTimeMs: number;
	facetDistribution?: FacetDistribution;
	facetStats?: FacetStats;
}

/** `limit`/`offset` mode: the total is an estimate in Meilisearch (exact here, capped at maxTotalHits). */
export interface OffsetSearchResult extends SearchResultBase {
	limit: number;
	offset: number;
	estimatedTotalHits: number;
}

/** `hitsPerPage`/`page` mode ("finite pagination"): exact totals. */
export interface PagedSearchResult extends SearchResultBase {
	hitsPerPage: number;
	page: number;
	totalPages: number;
	totalHits: number;
}

export type SearchResult = OffsetSearchResult | PagedSearchResult;

export interface MultiSearchResponse {
	results: SearchResult[];
}

export interface FacetSearchRequest {
	facetName: string;
	facetQuery?: string | null;
	q?: string | null;
	filter?: FilterInput | null;
	matchingStrategy?: MatchingStrategy;
}

export interface FacetHit {
	value: string;
	count: number;
}

export interface FacetSearchResponse {
	facetHits: FacetHit[];
	facetQuery: string | null;
	processingTimeMs: number;
}

export interface SettingsSyncReport {
	/** Setting names that differed from the definition and were updated. */
	changed: string[];
}

export interface SearchEngine {
	readonly kind: 'embedded' | 'meilisearch';
	/** What the engine serves: index name, attributes allowed in filters, facets and sort. */
	readonly definition: IndexDefinition;
	multiSearch(request: MultiSearchRequest): Promise<MultiSearchResponse>;
	/**
	 * The same answer as `multiSearch`, already as JSON text, for callers that only pass it on (the
	 * public endpoint): an engine in worker threads serialises it there, off the web server's thread.
	 */
	multiSearchJson?(request: MultiSearchRequest): Promise<string>;
	facetSearch(indexUid: string, request: FacetSearchRequest): Promise<FacetSearchResponse>;
	/** Builds the new index aside and swaps it in; searches in flight finish on the old one. */
	replaceAll(documents: readonly ProfileDocument[]): Promise<void>;
	/**
	 * As `replaceAll`, from documents read page by page (the database's public profiles): an engine may
	 * index each page while the next is read. Resolves to the number of documents read.
	 */
	replaceAllFrom?(pages: AsyncIterable<readonly ProfileDocument[]>): Promise<number>;
	/** Adds documents or replaces those with the same `id`. */
	upsert(documents: readonly ProfileDocument[]): Promise<void>;
	remove(ids: readonly string[]): Promise<void>;
	count(): Promise<number>;
	health(): Promise<{ status: 'available' }>;
	/** Makes the live index settings equal to the index definition, changing only what differs. */
	applySettings(): Promise<SettingsSyncReport>;
}

export function isPagedResult(result: SearchResult): result is PagedSearchResult {
	return 'totalHits' in result;
}
