import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProfileDocument } from '../document';
import { isPagedResult } from '../engine';
import { leafValues, matchesDocument } from '../filter/matches-document';
import { parseFilter } from '../filter/parse';
import { normalizeFacetValue } from '../filter/ast';
import { FIXTURE_DOCUMENTS } from '../conformance/fixture-documents';
import { tokenize } from '../text/normalize';
import { createEmbeddedEngine } from './embedded-engine';

// Words with no synonym, no typo neighbour among each other and no prefix of another: a document
// matches a word exactly when it contains it.
const WORDS = ['piano', 'tractor', 'vlag', 'ijzer', 'molen', 'kaas'];
const SECTORS = ['zorg', 'bouw', 'ict'];
const REGIONS = ['AM01', 'AM02', 'AM03'];

const documentsArb = fc.integer({ min: 0, max: 30 }).chain((n) =>
	fc.tuple(
		...Array.from({ length: n }, (_, i) =>
			fc
				.record({
					words: fc.array(fc.constantFrom(...WORDS), { maxLength: 5 }),
					sectors: fc.subarray(SECTORS),
					region: fc.constantFrom(...REGIONS)
				})
				.map(({ words, sectors, region }): ProfileDocument => ({
					...FIXTURE_DOCUMENTS[0],
					id: `T-${i}`,
					title: '',
					summary: words.join(' '),
					sectorLabels: [],
					taskTypeLabels: [],
					municipalityName: null,
					regionName: '',
					educationLabel: '',
					dayParts: [],
					sectors,
					region
				}))
		)
	)
);

const queryArb = fc
	.tuple(
		fc.subarray(WORDS, { minLength: 1, maxLength: 2 }),
		fc.subarray(WORDS, { maxLength: 1 }),
		fc.boolean()
	)
	.map(([wanted, excluded, typing]) => ({
		q: [...wanted, ...excluded.map((w) => `-${w}`)].join(' ') + (typing ? '' : ' '),
		wanted,
		excluded
	}));
const filterArb = fc.option(fc.constantFrom('sectors = zorg', 'region != AM02', 'sectors IN [bouw, ict]'), {
	nil: undefined
});
const FACETS = ['sectors', 'region'];

describe('text search against a brute-force evaluation', () => {
	it('finds exactly the documents holding every word and no excluded one, with exact facet counts', async () => {
		await fc.assert(
			fc.asyncProperty(documentsArb, queryArb, filterArb, async (docs, query, filter) => {
				const engine = createEmbeddedEngine({ documents: docs });
				const node = parseFilter(filter);
				const expected = docs.filter((d) => {
					const words = new Set(tokenize(d.summary));
					return (
						query.wanted.every((w) => words.has(w)) &&
						!query.excluded.some((w) => words.has(w)) &&
						(!node || matchesDocument(node, d as unknown as Record<string, unknown>))
					);
				});
				const [result] = (
					await engine.multiSearch({
						queries: [
							{
								indexUid: 'profiles',
								q: query.q,
								filter,
								facets: FACETS,
								matchingStrategy: 'all',
								limit: 1000
							}
						]
					})
				).results;
				expect(result.hits.map((h) => h.id).sort()).toEqual(expected.map((d) => d.id).sort());
				expect(isPagedResult(result) ? result.totalHits : result.estimatedTotalHits).toBe(expected.length);
				for (const facet of FACETS) {
					const counts: Record<string, number> = {};
					for (const doc of expected) {
						for (const leaf of new Set(leafValues(doc as unknown as Record<string, unknown>, facet) ?? []))
							counts[normalizeFacetValue(String(leaf))] =
								(counts[normalizeFacetValue(String(leaf))] ?? 0) + 1;
					}
					const got = Object.fromEntries(
						Object.entries(result.facetDistribution?.[facet] ?? {}).map(([k, v]) => [k.toLowerCase(), v])
					);
					expect(got).toEqual(counts);
				}
			}),
			{ numRuns: 200 }
		);
	});
});
