import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smallestKeys, smallestKeysBounded } from './select-top';

describe('the k smallest keys computed only where a lower bound lets them compete', () => {
	it('are the k smallest keys, in order, however loose or tight the bound', () => {
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.integer({ min: 0, max: 10_000 }), { maxLength: 300 }),
				fc.array(fc.nat(50), { minLength: 300, maxLength: 300 }),
				fc.integer({ min: 0, max: 40 }),
				(values, slack, k) => {
					const keys = Float64Array.from(values);
					let computed = 0;
					const top = smallestKeysBounded(
						keys.length,
						k,
						(i) => {
							computed++;
							return keys[i];
						},
						(i) => keys[i] - slack[i]
					);
					expect(top).toEqual(smallestKeys(keys, keys.length, k));
					expect(computed).toBeLessThanOrEqual(keys.length);
				}
			)
		);
	});

	it('compute no key whose bound already loses', () => {
		const keys = Float64Array.from({ length: 1000 }, (_, i) => i);
		const computed: number[] = [];
		const key = (i: number) => {
			computed.push(i);
			return keys[i];
		};
		// Exact bounds over ascending keys: after the first 5, every bound loses to the heap's worst.
		expect(smallestKeysBounded(1000, 5, key, (i) => keys[i])).toEqual([0, 1, 2, 3, 4]);
		expect(computed).toEqual([0, 1, 2, 3, 4]);
	});
});
