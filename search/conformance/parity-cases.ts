/**
 * Conformance cases for Meilisearch's query semantics, on PARITY_DOCUMENTS: each describes what
 * Meilisearch's documentation says and must hold on both engines unchanged. A second suite runs on an
 * index definition without the `sort` rule and with a small facet limit, for the behaviours that
 * depend on those settings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchEngine, SearchQuery, SearchResult } from '../engine';
import { isPagedResult, SearchError } from '../engine';
import { PROFILE_INDEX, type IndexDefinition } from '../index-definition';
import type { EngineUnderTest } from './conformance-cases';

/** Meilisearch's own defaults where our index differs: no `sort` rule, two values per facet. */
export const LIMITED_INDEX: IndexDefinition = {
	...PROFILE_INDEX,
	rankingRules: ['words', 'typo', 'proximity', 'attribute', 'exactness'],
	faceting: { maxValuesPerFacet: 2, sortFacetValuesBy: { '*': 'alpha' } }
};

const total = (r: SearchResult) => (isPagedResult(r) ? r.totalHits : r.estimatedTotalHits);
const ids = (r: SearchResult) => r.hits.map((h) => h.id);
const sorted = (list: (string | undefined)[]) => [...list].sort();

function helpers(engine: () => SearchEngine) {
	const search = async (query: Omit<SearchQuery, 'indexUid'>): Promise<SearchResult> =>
		(await engine().multiSearch({ queries: [{ indexUid: 'profiles', limit: 50, ...query }] })).results[0];
	const hitSet = async (query: Omit<SearchQuery, 'indexUid'>) => sorted(ids(await search(query)));
	const errorCode = async (query: Partial<SearchQuery>) => {
		try {
			await engine().multiSearch({ queries: [query as SearchQuery] });
		} catch (error) {
			return error instanceof SearchError ? error.code : String(error);
		}
		return 'no error';
	};
	return { search, hitSet, errorCode };
}

export function paritySuite(name: string, start: () => Promise<EngineUnderTest>): void {
	describe(name, () => {
		let subject: EngineUnderTest;
		const { search, hitSet, errorCode } = helpers(() => subject.engine);
		beforeAll(async () => {
			subject = await start();
		}, 120_000);
		afterAll(async () => subject?.cleanup(), 60_000);

		describe('typos', () => {
			it('forgives a typo in the word still being typed', async () => {
				expect(await hitSet({ q: 'ordrepi' })).toEqual(['P-HEF']);
			});
			it('counts two swapped neighbouring letters as one typo', async () => {
				expect(await hitSet({ q: 'hetfruck ' })).toEqual(['P-HEF']);
			});
		});

		describe('compound words', () => {
			it('finds a word written apart as one ("schoon maak" → schoonmaak)', async () => {
				expect(await hitSet({ q: 'schoon maak', matchingStrategy: 'all' })).toEqual(['P-SCH']);
			});
			it('finds a word written as one apart ("heftruckrijden" → heftruck rijden)', async () => {
				expect(await hitSet({ q: 'heftruckrijden ' })).toEqual(['P-HEF']);
			});
		});

		describe('proximity', () => {
			it('ranks query words standing together above the same words far apart', async () => {
				expect(ids(await search({ q: 'verkeersregelaar evenementen' }))).toEqual(['P-NEAR', 'P-FAR']);
			});
			it('ranks words in query order above the same words reversed', async () => {
				expect(ids(await search({ q: 'eten bereiden', matchingStrategy: 'all' }))).toEqual([
					'P-ETEN',
					'P-GRILL'
				]);
			});
		});

		describe('phrases and exclusions', () => {
			it('matches a quoted phrase only with its words together and in order', async () => {
				expect(await hitSet({ q: '"eten bereiden"' })).toEqual(['P-ETEN']);
				expect(await hitSet({ q: '"bereiden eten"' })).toEqual([]);
			});
			it('excludes documents with a word or phrase after a leading minus', async () => {
				expect(await hitSet({ q: 'eten -grill' })).toEqual(['P-ETEN']);
				expect(await hitSet({ q: 'eten -"eten bereiden"' })).toEqual(['P-GRILL']);
				expect(total(await search({ q: '-grill' }))).toBe(13);
			});
			it('reads a minus inside a word as a separator, not an exclusion', async () => {
				expect(await hitSet({ q: 'bereiden-eten', matchingStrategy: 'all' })).toEqual(['P-ETEN', 'P-GRILL']);
			});
		});

		describe('synonyms', () => {
			it('finds a multi-word synonym as adjacent words, and the other way round', async () => {
				expect(await hitSet({ q: 'vakkenvuller ' })).toEqual(['P-VAK', 'P-VUL']);
				expect(await hitSet({ q: 'vakken vullen ', matchingStrategy: 'all' })).toEqual(['P-VAK', 'P-VUL']);
			});
		});

		describe('cropping', () => {
			it('crops around the passage holding the most query words, not the first match', async () => {
				const r = await search({
					q: 'soep brood',
					attributesToCrop: ['summary:5'],
					attributesToHighlight: ['summary'],
					attributesToRetrieve: ['id']
				});
				expect(r.hits[0]._formatted?.summary).toBe('…bewoners <em>soep</em> en <em>brood</em> maakte…');
			});
			it('returns the whole text for a crop length of 0', async () => {
				const r = await search({ q: 'soep', attributesToCrop: ['summary'], cropLength: 0 });
				expect(r.hits[0]._formatted?.summary).toBe(r.hits[0].summary);
				const own = await search({ q: 'soep', attributesToCrop: ['summary:0'] });
				expect(own.hits[0]._formatted?.summary).toBe(own.hits[0].summary);
			});
		});

		describe('sort', () => {
			it('keeps numbers before strings in both directions', async () => {
				const filter = 'sectors = sorteer';
				expect(ids(await search({ filter, sort: ['publishedAt:asc'] }))).toEqual([
					'P-N2',
					'P-N1',
					'P-S1',
					'P-S2'
				]);
				expect(ids(await search({ filter, sort: ['publishedAt:desc'] }))).toEqual([
					'P-N1',
					'P-N2',
					'P-S2',
					'P-S1'
				]);
			});
		});

		describe('filters', () => {
			it('supports STARTS WITH and NOT STARTS WITH, case-insensitively', async () => {
				expect(await hitSet({ filter: 'sectors STARTS WITH sorte' })).toEqual([
					'P-N1',
					'P-N2',
					'P-S1',
					'P-S2'
				]);
				expect(await hitSet({ filter: 'sectors STARTS WITH "SORT"' })).toEqual([
					'P-N1',
					'P-N2',
					'P-S1',
					'P-S2'
				]);
				expect(total(await search({ filter: 'sectors NOT STARTS WITH sorte' }))).toBe(10);
			});
		});

		describe('geo', () => {
			it('measures distances on a sphere of 6,371,000 m', async () => {
				const r = await search({ filter: 'sectors = geo', sort: ['_geoPoint(52, 5):asc'] });
				expect(r.hits[0]._geoDistance).toBe(11119);
				expect(await hitSet({ filter: 'sectors = geo AND _geoRadius(52, 5, 11119.5)' })).toEqual(['P-GEO']);
				expect(await hitSet({ filter: 'sectors = geo AND _geoRadius(52, 5, 11119.45)' })).toEqual([]);
			});
		});

		describe('errors', () => {
			it('answers a query without indexUid with missing_index_uid', async () => {
				expect(await errorCode({ q: 'eten' })).toBe('missing_index_uid');
			});
		});
	});
}

/** The cases that depend on settings: run on an engine holding PARITY_DOCUMENTS under LIMITED_INDEX. */
export function limitedIndexSuite(name: string, start: () => Promise<EngineUnderTest>): void {
	describe(name, () => {
		let subject: EngineUnderTest;
		const { search, errorCode } = helpers(() => subject.engine);
		beforeAll(async () => {
			subject = await start();
		}, 120_000);
		afterAll(async () => subject?.cleanup(), 60_000);

		it('refuses a sort when the ranking rules have no `sort`', async () => {
			expect(await errorCode({ indexUid: 'profiles', sort: ['updatedAt:desc'] })).toBe('invalid_search_sort');
		});

		it('caps both the facet distribution and facet search at maxValuesPerFacet', async () => {
			const r = await search({ facets: ['sectors'], limit: 0 });
			expect(r.facetDistribution?.sectors).toEqual({ detailhandel: 2, geo: 1 });
			const facets = await subject.engine.facetSearch('profiles', { facetName: 'sectors' });
			expect(facets.facetHits).toEqual([
				{ value: 'detailhandel', count: 2 },
				{ value: 'geo', count: 1 }
			]);
		});
	});
}
