/**
 * Errors in Meilisearch's own shape, so the public endpoint can answer instant-meilisearch exactly as a
 * Meilisearch server would, whichever engine is behind it.
 */
export type SearchErrorCode =
	| 'bad_request'
	| 'missing_index_uid'
	| 'index_not_found'
	| 'invalid_index_uid'
	| 'invalid_search_q'
	| 'invalid_search_filter'
	| 'invalid_search_facets'
	| 'invalid_search_sort'
	| 'invalid_search_limit'
	| 'invalid_search_offset'
	| 'invalid_search_page'
	| 'invalid_search_hits_per_page'
	| 'invalid_search_attributes_to_retrieve'
	| 'invalid_search_attributes_to_highlight'
	| 'invalid_search_attributes_to_crop'
	| 'invalid_search_crop_length'
	| 'invalid_search_crop_marker'
	| 'invalid_search_highlight_pre_tag'
	| 'invalid_search_highlight_post_tag'
	| 'invalid_search_matching_strategy'
	| 'invalid_facet_search_facet_name'
	| 'invalid_facet_search_facet_query'
	| 'search_unavailable'
	| 'internal';

export interface SearchErrorBody {
	message: string;
	code: string;
	type: 'invalid_request' | 'internal' | 'auth' | 'system';
	link: string;
}

export class SearchError extends Error {
	readonly code: string;
	readonly type: SearchErrorBody['type'];
	readonly link: string;
	/** HTTP status the endpoint should answer with. */
	readonly status: number;

	constructor(
		code: SearchErrorCode | string,
		message: string,
		options: { status?: number; type?: SearchErrorBody['type']; cause?: unknown } = {}
	) {
		super(message, { cause: options.cause });
		this.name = 'SearchError';
		this.code = code;
		this.type =
			options.type ?? (code === 'internal' || code === 'search_unavailable' ? 'internal' : 'invalid_request');
		this.status = options.status ?? (code === 'index_not_found' ? 404 : this.type === 'internal' ? 500 : 400);
		this.link = `https://docs.meilisearch.com/errors#${code}`;
	}

	toJSON(): SearchErrorBody {
		return { message: this.message, code: this.code, type: this.type, link: this.link };
	}

	/** Meilisearch prefixes errors of one multi-search query with its position. */
	withQueryIndex(index: number): SearchError {
		return new SearchError(this.code, `Inside \`.queries[${index}]\`: ${this.message}`, {
			status: this.status,
			type: this.type,
			cause: this.cause
		});
	}
}
