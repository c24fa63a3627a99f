/**
 * Every way of counting facet values (per hit through the combination tables or the field's own
 * values, per document that does not hit, per value against the hit bitset) gives the counts of the
 * plain walk over each hit's values, on random documents, random hit sets of any density, and indexes
 * changed by writes (whose fields are merged, not built).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexWithWrites, plainCounts } from '../testing/facet-fixtures';
import { seededRandom } from '../testing/random-documents';
import { countValues, hitSetOf, type CountWay } from './facet-counts';
import { valueCombinations } from './value-combinations';

const WAYS: (CountWay | undefined)[] = [undefined, 'hits', 'misses', 'values'];

describe('facet counting ways', () => {
	it('all give the plain counts, with and without combination tables', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: 1, max: 400 }),
				fc.integer({ min: 1, max: 1000 }),
				fc.integer({ min: 0, max: 30 }),
				fc.constantFrom(0, 0.01, 0.2, 0.5, 0.8, 0.99, 1),
				async (size, seed, writes, share) => {
					const index = await indexWithWrites(size, seed, Math.min(writes, size >> 1));
					const rnd = seededRandom(seed);
					const hits = [...Array(index.size).keys()].filter(() => share === 1 || rnd() < share);
					const ids = Uint32Array.from(hits);
					for (const [attribute, field] of index.facets) {
						const expected = plainCounts(index, attribute, hits);
						for (const way of WAYS) {
							const counts = countValues(index, field, hitSetOf(index, ids, null), way);
							expect(Array.from(counts), `${attribute} by ${way ?? 'cheapest'}`).toEqual(expected);
						}
					}
				}
			),
			{ numRuns: 40 }
		);
	});

	it('has fields with and without a combination table at the sizes tested', async () => {
		const index = await indexWithWrites(400, 5, 10);
		const tables = [...index.facets.values()].map((field) => valueCombinations(field) !== null);
		expect(tables).toContain(true);
		expect(tables).toContain(false);
	});
});
