/**
 * The conformance suite: the same requests against any SearchEngine holding FIXTURE_DOCUMENTS, with
 * hand-checked expectations. Both engines must pass it unchanged.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { MultiSearchRequest, SearchEngine, SearchQuery, SearchResult } from '../engine';
import { isPagedResult, SearchError } from '../engine';
import { parseFilter } from '../filter/parse';
import { matchesDocument } from '../filter/matches-document';
import { FILLER_IDS, FIXTURE_DOCUMENTS } from './fixture-documents';

export interface EngineUnderTest {
	engine: SearchEngine;
	cleanup(): Promise<void>;
}

// Captured instant-meilisearch requests, kept in the repository so a fresh clone can run the suite.
const FIXTURES = fileURLToPath(new URL('../../tests/fixtures/search/', import.meta.url));

export function capturedRequests(): { file: string; body: MultiSearchRequest }[] {
	return [
		'instant-meilisearch-filters.jsonl',
		'instant-meilisearch-requests.jsonl',
		'instant-meilisearch-requests-finite-pagination.jsonl'
	].flatMap((file) =>
		readFileSync(`${FIXTURES}${file}`, 'utf8')
			.trim()
			.split('\n')
			.map((line) => ({ file, body: (JSON.parse(line) as { body: MultiSearchRequest }).body }))
	);
}

const total = (r: SearchResult) => (isPagedResult(r) ? r.totalHits : r.estimatedTotalHits);
const ids = (r: SearchResult) => r.hits.map((h) => h.id);
const sorted = (list: (string | undefined)[]) => [...list].sort();

export function conformanceSuite(name: string, start: () => Promise<EngineUnderTest>): void {
	describe(name, () => {
		let subject: EngineUnderTest;
		const search = async (query: Omit<SearchQuery, 'indexUid'>): Promise<SearchResult> =>
			(await subject.engine.multiSearch({ queries: [{ indexUid: 'profiles', limit: 50, ...query }] }))
				.results[0];
		const hitSet = async (query: Omit<SearchQuery, 'indexUid'>) => sorted(ids(await search(query)));
		const errorCode = async (query: Omit<SearchQuery, 'indexUid'> & { indexUid?: string }) => {
			try {
				await subject.engine.multiSearch({ queries: [{ indexUid: 'profiles', ...query }] });
			} catch (error) {
				return error instanceof SearchError ? error.code : String(error);
			}
			return 'no error';
		};

		beforeAll(async () => {
			subject = await start();
		}, 120_000);
		afterAll(async () => subject?.cleanup(), 60_000);

		it('holds all fixture documents', async () => {
			expect(await subject.engine.count()).toBe(40);
		});

		describe('text matching', () => {
			it('forgives one typo in a word of 5-8 letters', async () => {
				expect(await hitSet({ q: 'logistek', matchingStrategy: 'all' })).toEqual(['KV-A', 'KV-K']);
				expect(await hitSet({ q: 'horeka' })).toEqual(['KV-D', 'KV-E']);
			});
			it('forgives two typos from 9 letters', async () => {
				expect(await hitSet({ q: 'schonmaakk' })).toEqual(['KV-F']);
			});
			it('counts a wrong first letter as two typos', async () => {
				expect(await hitSet({ q: 'toreca' })).toEqual([]);
			});
			it('allows no typo in short words', async () => {
				expect(await hitSet({ q: 'zorq ' })).toEqual([]);
			});
			it('treats the last word as a prefix while typing', async () => {
				expect(await hitSet({ q: 'orderpi' })).toEqual(['KV-A']);
				expect(await hitSet({ q: 'orderpi ' })).toEqual([]);
			});
			it('requires every word with matchingStrategy all, across different attributes', async () => {
				expect(await hitSet({ q: 'logistiek rotterdam', matchingStrategy: 'all' })).toEqual(['KV-A']);
			});
			it('with Meilisearch default `last`, ranks full matches first then drops trailing words', async () => {
				expect(ids(await search({ q: 'logistiek rotterdam' }))).toEqual(['KV-A', 'KV-K', 'KV-B']);
			});
			it('ignores case and diacritics', async () => {
				expect(await hitSet({ q: 'coordinator CAFE' })).toEqual(['KV-E']);
				expect(await hitSet({ q: 'café' })).toEqual(['KV-E']);
			});
			it('expands synonyms both ways and ranks earlier attributes first', async () => {
				expect(ids(await search({ q: 'magazijn' }))).toEqual(['KV-A', 'KV-K', 'KV-B']);
				expect(await hitSet({ q: 'tuin' })).toEqual(['KV-I']);
				expect(await hitSet({ q: 'hovenier' })).toEqual(['KV-I']);
			});
			it('ignores stop words in the query', async () => {
				expect(total(await search({ q: 'de bouw', matchingStrategy: 'all' }))).toBe(28);
			});
		});

		describe('filters and facets', () => {
			it('ORs the strings of an inner array and counts facets on the hits', async () => {
				const r = await search({ filter: [['sectors = horeca', 'sectors = zorg']], facets: ['sectors'] });
				expect(sorted(ids(r))).toEqual(['KV-C', 'KV-D', 'KV-E', 'KV-L']);
				expect(r.facetDistribution).toEqual({ sectors: { horeca: 2, zorg: 2 } });
			});
			it('matches a range on an array field when any element satisfies each bound (overlap)', async () => {
				expect(await hitSet({ filter: 'hoursPerWeek >= 24 AND hoursPerWeek <= 32' })).toEqual([
					'KV-A',
					'KV-B',
					'KV-D',
					'KV-E',
					'KV-G',
					'KV-I',
					'KV-K',
					'KV-L'
				]);
			});
			it('matches TO only when one element lies in the range', async () => {
				expect(await hitSet({ filter: 'hoursPerWeek 24 TO 32' })).toEqual([
					'KV-A',
					'KV-B',
					'KV-E',
					'KV-G',
					'KV-I',
					'KV-K',
					'KV-L'
				]);
			});
			it('NOT and != include documents without the value or attribute', async () => {
				expect(total(await search({ filter: 'NOT sectors = bouw' }))).toBe(12);
				expect(await hitSet({ filter: 'municipality != GM0363' })).toEqual([
					'KV-A',
					'KV-B',
					'KV-C',
					'KV-D',
					'KV-F',
					'KV-H',
					'KV-I',
					'KV-K',
					'KV-L'
				]);
			});
			it('supports IN and NOT IN', async () => {
				expect(await hitSet({ filter: 'sectors IN [logistiek, ICT]' })).toEqual(['KV-A', 'KV-J', 'KV-K']);
				expect(await hitSet({ filter: 'region NOT IN [AM01, "AM02"]' })).toEqual([
					'KV-C',
					'KV-D',
					'KV-H',
					'KV-I',
					'KV-K',
					'KV-L'
				]);
			});
			it('supports EXISTS, IS NULL and IS EMPTY', async () => {
				expect(await hitSet({ filter: 'municipality IS NULL' })).toEqual(['KV-F', 'KV-K', 'KV-L']);
				expect(total(await search({ filter: 'municipality EXISTS' }))).toBe(40);
				expect(await hitSet({ filter: 'driversLicence IS NOT EMPTY' })).toEqual(['KV-A', 'KV-C', 'KV-K']);
				expect(total(await search({ filter: 'driversLicence IS EMPTY' }))).toBe(37);
			});
			it('compares booleans as strings and strings case-insensitively', async () => {
				expect(await hitSet({ filter: '"hasDriversLicence"="true"' })).toEqual(['KV-A', 'KV-C', 'KV-K']);
				expect(await hitSet({ filter: 'sectors = LOGISTIEK' })).toEqual(['KV-A', 'KV-K']);
			});
			it('unescapes quotes and backslashes in values', async () => {
				expect(await hitSet({ filter: ['"region"="Quote \\"x\\" \\\\ back"'] })).toEqual(['KV-K']);
				expect(await hitSet({ filter: ['"region"="Kolon: waarde"'] })).toEqual(['KV-L']);
			});
			it('reports numeric facet values and their min/max', async () => {
				const r = await search({ filter: 'sectors = zorg', facets: ['hoursPerWeek'] });
				expect(r.facetDistribution).toEqual({ hoursPerWeek: { '16': 1, '20': 2, '28': 1 } });
				expect(r.facetStats).toEqual({ hoursPerWeek: { min: 16, max: 28 } });
			});
			it('expands facets ["*"] to every filterable attribute but _geo', async () => {
				const r = await search({ facets: ['*'], limit: 0 });
				expect(Object.keys(r.facetDistribution ?? {}).sort()).toEqual([
					'affinities',
					'availableFrom',
					'competences',
					'dayParts',
					'driversLicence',
					'educationLevel',
					'experience',
					'hasDriversLicence',
					'hoursMax',
					'hoursMin',
					'hoursPerWeek',
					'municipality',
					'publishedAt',
					'reachableMunicipalities',
					'region',
					'sectors',
					'taskTypes',
					'taskTypesIndependent',
					'transport',
					'travelDistanceKm',
					'updatedAt'
				]);
				expect(r.facetDistribution?.hasDriversLicence).toEqual({ false: 37, true: 3 });
				expect(r.facetDistribution?.sectors.bouw).toBe(28);
			});
			it('keeps the original spelling of facet values and sorts them alphabetically', async () => {
				const r = await search({ facets: ['region'], limit: 0 });
				expect(Object.entries(r.facetDistribution?.region ?? {})).toEqual([
					['AM01', 32],
					['AM02', 2],
					['AM03', 3],
					['AM04', 1],
					['Kolon: waarde', 1],
					['Quote "x" \\ back', 1]
				]);
			});
		});

		describe('geo', () => {
			it('sorts by distance and reports _geoDistance', async () => {
				const r = await search({
					filter: 'sectors IN [logistiek, productie, zorg]',
					sort: ['_geoPoint(51.9225, 4.4792):asc']
				});
				expect(ids(r)).toEqual(['KV-A', 'KV-B', 'KV-C', 'KV-K', 'KV-L']);
				expect(r.hits[0]._geoDistance).toBe(0);
				expect(r.hits[1]._geoDistance).toBeGreaterThan(5000);
				expect(r.hits[1]._geoDistance).toBeLessThan(6000);
			});
			it('filters by radius', async () => {
				expect(await hitSet({ filter: '_geoRadius(51.9225, 4.4792, 10000)' })).toEqual(['KV-A', 'KV-B']);
			});
		});

		describe('pagination and sort', () => {
			it('pages with hitsPerPage/page and reports exact totals', async () => {
				const r = await search({
					filter: 'sectors = bouw',
					sort: ['updatedAt:desc'],
					hitsPerPage: 10,
					page: 3,
					limit: undefined
				});
				expect(r).toMatchObject({ totalHits: 28, totalPages: 3, page: 3, hitsPerPage: 10 });
				expect(ids(r)).toEqual(FILLER_IDS.slice(0, 8).reverse());
			});
			it('pages with limit/offset and reports estimatedTotalHits', async () => {
				const r = await search({ filter: 'sectors = bouw', sort: ['updatedAt:asc'], limit: 5, offset: 25 });
				expect(r).toMatchObject({ estimatedTotalHits: 28, limit: 5, offset: 25 });
				expect(ids(r)).toEqual(FILLER_IDS.slice(25));
			});
			it('keeps insertion order for a placeholder search without sort', async () => {
				expect(ids(await search({ limit: 3 }))).toEqual(['KV-A', 'KV-B', 'KV-C']);
			});
		});

		describe('formatting', () => {
			it('highlights whole matched words and the typed part of a prefix with the given tags', async () => {
				const r = await search({
					q: 'detailhandel kassaw',
					attributesToHighlight: ['*'],
					highlightPreTag: '<b>',
					highlightPostTag: '</b>'
				});
				expect(ids(r)).toEqual(['KV-G']);
				expect(r.hits[0]._formatted?.title).toBe('Wil werken in <b>detailhandel</b>; kan <b>kassaw</b>erk');
				expect(r.hits[0]._formatted?.sectorLabels).toEqual(['<b>Detailhandel</b>']);
				// Meilisearch turns numbers into strings in _formatted.
				expect(r.hits[0]._formatted?.hoursMin).toBe('16');
				expect(r.hits[0].hoursMin).toBe(16);
			});
			it('highlights accented words in their original spelling', async () => {
				const r = await search({ q: 'coordinator cafe', attributesToHighlight: ['summary'] });
				expect(r.hits[0]._formatted?.summary).toBe(
					'<em>Coördinator</em> in een <em>café</em>, daarna barista.'
				);
			});
			it('crops around the match with the crop marker', async () => {
				const r = await search({
					q: 'orderpicken',
					attributesToCrop: ['summary:3'],
					attributesToRetrieve: ['id']
				});
				expect(r.hits[0]._formatted?.summary).toBe('…met orderpicken en…');
				expect(Object.keys(r.hits[0])).toEqual(['id', '_formatted']);
			});
		});

		describe('facet search', () => {
			it('finds facet values by case-insensitive prefix with counts under q and filter', async () => {
				expect(
					(await subject.engine.facetSearch('profiles', { facetName: 'sectors', facetQuery: 'ZO' })).facetHits
				).toEqual([{ value: 'zorg', count: 2 }]);
				const r = await subject.engine.facetSearch('profiles', {
					facetName: 'sectors',
					facetQuery: 'ho',
					filter: 'region = AM01'
				});
				expect(r.facetHits).toEqual([{ value: 'horeca', count: 1 }]);
				const q = await subject.engine.facetSearch('profiles', { facetName: 'sectors', q: 'magazijn' });
				expect(q.facetHits).toEqual([
					{ value: 'logistiek', count: 2 },
					{ value: 'productie', count: 1 }
				]);
			});
		});

		describe('errors', () => {
			it('rejects what Meilisearch rejects, with its error codes', async () => {
				expect(await errorCode({ filter: 'title = kok' })).toBe('invalid_search_filter');
				expect(await errorCode({ filter: 'sectors = ' })).toBe('invalid_search_filter');
				expect(await errorCode({ facets: ['title'] })).toBe('invalid_search_facets');
				expect(await errorCode({ sort: ['title:asc'] })).toBe('invalid_search_sort');
				expect(await errorCode({ indexUid: 'elders' })).toBe('index_not_found');
			});
		});

		describe('captured instant-meilisearch requests', () => {
			it.each(capturedRequests().map((c, i) => [i, c.file, c.body] as const))(
				'request %i from %s is answered consistently',
				async (_i, _file, body) => {
					const { results } = await subject.engine.multiSearch(body);
					expect(results).toHaveLength(body.queries.length);
					for (const [n, query] of body.queries.entries()) {
						const result = results[n];
						// The filter alone, evaluated document by document, must give the same total as the engine.
						const node = parseFilter(query.filter);
						const textIds = query.q
							? new Set(ids(await search({ q: query.q, limit: 1000, offset: 0 })))
							: null;
						const expected = FIXTURE_DOCUMENTS.filter(
							(d) =>
								(!node || matchesDocument(node, d as unknown as Record<string, unknown>)) &&
								(!textIds || textIds.has(d.id))
						);
						expect(total(result)).toBe(expected.length);
						expect(Object.keys(result.facetDistribution ?? {}).sort()).toEqual(
							[...(query.facets ?? [])].sort()
						);
						expect(result.indexUid).toBe('profiles');
						expect(result.hits.length).toBeLessThanOrEqual(query.limit ?? query.hitsPerPage ?? 20);
						if (query.attributesToHighlight)
							for (const hit of result.hits) expect(hit._formatted).toBeDefined();
					}
				}
			);
		});
	});
}
