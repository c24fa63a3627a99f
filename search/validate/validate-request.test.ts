import { describe, expect, it } from 'vitest';
import { capturedRequests } from '../conformance/conformance-cases';
import { SearchError } from '../search-error';
import { QUERY_CAPS } from '../text/query-cap';
import { validateFacetSearch, validateMultiSearch } from './validate-request';

function rejection(run: () => unknown): { code: string; message: string; status: number } {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(SearchError);
		const e = error as SearchError;
		return { code: e.code, message: e.message, status: e.status };
	}
	throw new Error('accepted');
}

const query = (extra: Record<string, unknown>) => ({ queries: [{ indexUid: 'profiles', ...extra }] });

describe('validateMultiSearch', () => {
	it('accepts every request instant-meilisearch was seen sending', () => {
		for (const { body } of capturedRequests())
			expect(validateMultiSearch(body).queries).toHaveLength(body.queries.length);
	});

	it('makes every word count unless the request asks otherwise', () => {
		expect(validateMultiSearch(query({ q: 'kok' })).queries[0].matchingStrategy).toBe('all');
		expect(
			validateMultiSearch(query({ q: 'kok', matchingStrategy: 'last' })).queries[0].matchingStrategy
		).toBe('last');
	});

	it('names a missing indexUid as Meilisearch does', () => {
		expect(rejection(() => validateMultiSearch({ queries: [{ q: 'kok' }] }))).toMatchObject({
			code: 'missing_index_uid',
			message: 'Missing field `indexUid` inside `.queries[0]`',
			status: 400
		});
		expect(rejection(() => validateMultiSearch(query({ indexUid: 7 }))).code).toBe('invalid_index_uid');
	});

	it('rejects unknown indexes and fields', () => {
		expect(rejection(() => validateMultiSearch({ queries: [{ indexUid: 'users' }] }))).toMatchObject({
			code: 'index_not_found',
			status: 404
		});
		expect(rejection(() => validateMultiSearch(query({ showRankingScoreDetails: true }))).code).toBe(
			'bad_request'
		);
		expect(rejection(() => validateMultiSearch({ queries: 'all' })).code).toBe('bad_request');
		expect(rejection(() => validateMultiSearch(query({ limit: 'ten' }))).code).toBe('invalid_search_limit');
		expect(rejection(() => validateMultiSearch(query({ filter: [[['deep']]] }))).code).toBe(
			'invalid_search_filter'
		);
	});

	it('allows only filterable attributes in filters and facets, sortable ones in sort', () => {
		expect(rejection(() => validateMultiSearch(query({ filter: 'summary = x' }))).message).toMatch(
			/^Inside `.queries\[0\]`: Attribute `summary` is not filterable/
		);
		expect(rejection(() => validateMultiSearch(query({ facets: ['summary'] }))).code).toBe(
			'invalid_search_facets'
		);
		expect(rejection(() => validateMultiSearch(query({ sort: ['sectors:asc'] }))).code).toBe(
			'invalid_search_sort'
		);
		expect(rejection(() => validateMultiSearch(query({ sort: ['updatedAt'] }))).code).toBe(
			'invalid_search_sort'
		);
	});

	it('allows only public attributes to be retrieved, highlighted or cropped', () => {
		expect(rejection(() => validateMultiSearch(query({ attributesToRetrieve: ['email'] }))).code).toBe(
			'invalid_search_attributes_to_retrieve'
		);
		expect(rejection(() => validateMultiSearch(query({ attributesToHighlight: ['bsn'] }))).code).toBe(
			'invalid_search_attributes_to_highlight'
		);
		expect(rejection(() => validateMultiSearch(query({ attributesToCrop: ['notes:20'] }))).code).toBe(
			'invalid_search_attributes_to_crop'
		);
	});

	it('caps page sizes, depth and the number of queries', () => {
		expect(rejection(() => validateMultiSearch(query({ limit: 51 }))).code).toBe('invalid_search_limit');
		expect(rejection(() => validateMultiSearch(query({ hitsPerPage: 51 }))).code).toBe(
			'invalid_search_hits_per_page'
		);
		expect(rejection(() => validateMultiSearch(query({ limit: 50, offset: 951 }))).code).toBe(
			'invalid_search_offset'
		);
		expect(rejection(() => validateMultiSearch(query({ hitsPerPage: 50, page: 21 }))).code).toBe(
			'invalid_search_page'
		);
		expect(validateMultiSearch(query({ hitsPerPage: 50, page: 20 })).queries).toHaveLength(1);
		const many = { queries: Array.from({ length: 21 }, () => ({ indexUid: 'profiles' })) };
		expect(rejection(() => validateMultiSearch(many)).code).toBe('bad_request');
	});

	it('caps the query text: one enormous word reaches no engine whole', () => {
		const [capped] = validateMultiSearch(query({ q: 'k'.repeat(60_000) })).queries;
		expect(capped.q).toBe('k'.repeat(QUERY_CAPS.maxWordLength));
		const words = Array.from({ length: 30 }, (_, i) => `woord${i}`);
		expect(validateMultiSearch(query({ q: words.join(' ') })).queries[0].q).toBe(
			words.slice(0, 10).join(' ') + ' '
		);
		expect(validateMultiSearch(query({ q: 'kok in de keuken' })).queries[0].q).toBe('kok in de keuken');
	});
});

describe('validateFacetSearch', () => {
	it('accepts a filterable facet and rejects others', () => {
		expect(
			validateFacetSearch('profiles', { facetName: 'sectors', facetQuery: 'zo', filter: ['region = AM01'] })
				.facetName
		).toBe('sectors');
		expect(rejection(() => validateFacetSearch('profiles', { facetName: 'title' })).code).toBe(
			'invalid_facet_search_facet_name'
		);
		expect(
			rejection(() => validateFacetSearch('profiles', { facetName: 'sectors', filter: 'title = x' })).code
		).toBe('invalid_search_filter');
		expect(rejection(() => validateFacetSearch('other', { facetName: 'sectors' })).code).toBe(
			'index_not_found'
		);
	});

	it('caps the query and the facet query', () => {
		const huge = 'z'.repeat(60_000);
		const request = validateFacetSearch('profiles', { facetName: 'sectors', q: huge, facetQuery: huge });
		expect(request.q).toBe('z'.repeat(QUERY_CAPS.maxWordLength));
		expect(request.facetQuery).toHaveLength(QUERY_CAPS.maxFacetQueryLength);
	});
});
