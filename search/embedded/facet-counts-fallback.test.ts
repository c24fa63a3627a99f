/**
 * Where WebAssembly is unavailable (node --jitless, some hardened hosts), dense facet values are counted
 * by the JavaScript AND + popcount loop instead. Every other test runs with WebAssembly, so this file
 * takes it away to prove the fallback counts exactly too.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { indexWithWrites, plainCounts } from '../testing/facet-fixtures';
import { seededRandom } from '../testing/random-documents';
import { hasWasm } from './and-count-wasm';
import { countValues, hitSetOf } from './facet-counts';

vi.mock('./and-count-wasm', async (original) => ({
	...(await original<typeof import('./and-count-wasm')>()),
	hasWasm: () => false
}));

describe('facet counts without WebAssembly', () => {
	it('count every value against the hits as the plain walk does', async () => {
		expect(hasWasm()).toBe(false);
		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: 64, max: 400 }),
				fc.integer({ min: 1, max: 1000 }),
				fc.constantFrom(0.01, 0.2, 0.5, 0.99),
				async (size, seed, share) => {
					const index = await indexWithWrites(size, seed, 5);
					const rnd = seededRandom(seed);
					const hits = [...Array(index.size).keys()].filter(() => rnd() < share);
					const ids = Uint32Array.from(hits);
					let dense = 0;
					for (const [attribute, field] of index.facets) {
						dense += field.dense.filter((bits) => bits !== null).length;
						const counts = countValues(index, field, hitSetOf(index, ids, null), 'values');
						expect(Array.from(counts), attribute).toEqual(plainCounts(index, attribute, hits));
					}
					// The fallback's own loop must have been exercised, not only the posting walk.
					expect(dense).toBeGreaterThan(0);
				}
			),
			{ numRuns: 25 }
		);
	});
});
