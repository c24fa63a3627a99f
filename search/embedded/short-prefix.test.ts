import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPagedResult, type SearchQuery } from '../engine';
import { planFilter, planQuery } from '../query-plan';
import { randomProfileDocuments, seededRandom } from '../testing/random-documents';
import { createEmbeddedEngine } from './embedded-engine';
import { computeFacets, hitSetOf } from './facet-counts';
import { filterToBitset } from './filter-bitset';
import { matchText } from './match-text';
import { analyseQuery } from './query-terms';
import { rankWindow } from './rank';

const documents = randomProfileDocuments(3000, 11);
const engine = createEmbeddedEngine({ documents });
const index = engine.snapshot;
const FACETS = ['sectors', 'region', 'municipality', 'educationLevel', 'hoursPerWeek'];

/** What the general path (match, filter, rank the filtered hits) answers, without precomputation. */
function reference(q: string, filter: SearchQuery['filter'], offset: number, limit: number) {
	const node = planFilter(filter, index.definition);
	const bits = node ? filterToBitset(index, node) : null;
	const analysed = analyseQuery(index, q);
	const matches = matchText(index, analysed, 'last', bits);
	const ranked = rankWindow(index, matches.docs, matches, analysed.terms.length, [], offset, limit);
	const { facetDistribution } = computeFacets(index, FACETS, hitSetOf(index, matches.docs, null));
	return {
		ids: ranked.docs.map((d) => index.documents[d].id),
		total: Math.min(matches.docs.length, index.definition.pagination.maxTotalHits),
		facetDistribution
	};
}

describe('precomputed one- and two-letter prefixes', () => {
	const rnd = seededRandom(5);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
	const prefixes = ['k', 'ka', 's', 'sc', 'de', 'zo', 'w', 'ö', 'co', 'q'];
	const filters: SearchQuery['filter'][] = [
		null,
		'hoursMin >= 16',
		['region = "AM01"'],
		[['sectors = "zorg"', 'sectors = "horeca"'], 'educationLevel != "laag"'],
		'municipality IS NULL'
	];

	it('answer with the same hits, order, totals and facet counts as ranking the filtered matches', async () => {
		for (let round = 0; round < 60; round++) {
			const q = pick(prefixes);
			const filter = pick(filters);
			const page = 1 + Math.floor(rnd() * 4);
			const { results } = await engine.multiSearch({
				queries: [
					{
						indexUid: index.definition.uid,
						q,
						filter,
						facets: FACETS,
						hitsPerPage: 20,
						page,
						attributesToRetrieve: ['id']
					}
				]
			});
			const [result] = results;
			if (!isPagedResult(result)) throw new Error('expected a paged result');
			const expected = reference(q, filter, (page - 1) * 20, 20);
			expect({ q, filter, ids: result.hits.map((h) => h.id) }).toEqual({ q, filter, ids: expected.ids });
			expect(result.totalHits).toBe(expected.total);
			expect(result.facetDistribution).toEqual(expected.facetDistribution);
		}
	});

	it('answer sorted searches (by date, distance, hours) with the same page, distances and totals as ranking the filtered matches', async () => {
		const sorts: SearchQuery['sort'][] = [
			['updatedAt:desc'],
			['publishedAt:asc'],
			['_geoPoint(52.37, 4.89):asc'],
			['hoursMax:desc', 'updatedAt:desc'],
			['_geoPoint(51.92, 4.48):desc', 'publishedAt:desc']
		];
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...prefixes),
				fc.constantFrom(...filters),
				fc.constantFrom(...sorts),
				fc.integer({ min: 1, max: 6 }),
				fc.constantFrom(0, 1, 5, 20),
				async (q, filter, sort, page, hitsPerPage) => {
					const query: SearchQuery = {
						indexUid: index.definition.uid,
						q,
						filter,
						sort,
						hitsPerPage,
						page,
						attributesToRetrieve: ['id']
					};
					const [result] = (await engine.multiSearch({ queries: [query] })).results;
					if (!isPagedResult(result)) throw new Error('expected a paged result');
					const plan = planQuery(query, index.definition);
					const node = planFilter(filter, index.definition);
					const analysed = analyseQuery(index, q);
					const matches = matchText(index, analysed, 'last', node ? filterToBitset(index, node) : null);
					const offset = (page - 1) * hitsPerPage;
					const ranked = rankWindow(index, matches.docs, matches, 1, plan.sort, offset, hitsPerPage);
					expect(result.hits.map((h) => [h.id, h._geoDistance])).toEqual(
						ranked.docs.map((d, i) => [index.documents[d].id, ranked.geoDistances?.[i]])
					);
					expect(result.totalHits).toBe(matches.docs.length);
				}
			),
			{ numRuns: 150 }
		);
	});
});
