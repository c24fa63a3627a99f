import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bitsetFromIds, bitsetToIds, idsInWindow, popcount } from './bitset';

describe('bitsets', () => {
	it('read a window of their ids as the list of all ids would give it', () => {
		fc.assert(
			fc.property(
				fc
					.integer({ min: 0, max: 300 })
					.chain((size) =>
						fc.tuple(
							fc.constant(size),
							fc.uniqueArray(fc.integer({ min: 0, max: Math.max(0, size - 1) }), { maxLength: size }),
							fc.integer({ min: 0, max: size + 5 }),
							fc.integer({ min: 0, max: size + 5 })
						)
					),
				([size, ids, offset, limit]) => {
					const bits = bitsetFromIds(size, size === 0 ? [] : ids);
					const all = Array.from(bitsetToIds(bits));
					expect(all).toEqual((size === 0 ? [] : ids).sort((a, b) => a - b));
					expect(popcount(bits)).toBe(all.length);
					expect(idsInWindow(bits, offset, limit)).toEqual(all.slice(offset, offset + limit));
				}
			),
			{ numRuns: 500 }
		);
	});
});
