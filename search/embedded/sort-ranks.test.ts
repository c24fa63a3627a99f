import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	buildSortRanks,
	compareSortValues,
	descendingPlace,
	MISSING_RANK,
	type SortValue
} from './build-index';

/** Places the plain way: each document's values as an array, min and max over them. */
function reference(documents: Record<string, unknown>[], attribute: string) {
	const valuesOf = (value: unknown): SortValue[] =>
		(Array.isArray(value) ? value : [value]).flatMap((v): SortValue[] => {
			if (typeof v === 'number') return Number.isFinite(v) ? [v] : [];
			if (typeof v === 'string') return [v.trim().toLowerCase()];
			if (typeof v === 'boolean') return [String(v)];
			return [];
		});
	const perDoc = documents.map((d) => valuesOf(d[attribute]));
	const distinct = [...new Set(perDoc.flat())].sort(compareSortValues);
	const place = new Map(distinct.map((v, i) => [v, i]));
	const firstString = distinct.findIndex((v) => typeof v !== 'number');
	const numericCount = firstString < 0 ? distinct.length : firstString;
	const max = Math.max(0, distinct.length - 1);
	const asc = perDoc.map((values) =>
		values.length === 0 ? MISSING_RANK : Math.min(...values.map((v) => place.get(v)!))
	);
	const desc = perDoc.map((values) => {
		if (values.length === 0) return MISSING_RANK;
		const places = values.map((v) => place.get(v)!);
		const numeric = places.filter((p) => p < numericCount);
		return descendingPlace(
			numeric.length > 0 ? Math.max(...numeric) : Math.max(...places),
			numericCount,
			max
		);
	});
	return { asc, desc, max, distinct, numericCount };
}

const leaf = fc.oneof(
	fc.integer({ min: -5, max: 5 }),
	fc.constantFrom(Number.NaN, Infinity, -0, 0.5, ' A', 'a', 'b ', 'B', '', true, false, null, undefined),
	fc.constant({})
);
const value = fc.oneof(leaf, fc.array(fc.oneof(leaf, fc.array(leaf, { maxLength: 2 })), { maxLength: 4 }));

describe('sort places', () => {
	it('are those of each document’s values taken as an array', () => {
		fc.assert(
			fc.property(fc.array(value, { maxLength: 20 }), (values) => {
				const documents = values.map((x) => ({ x }));
				const built = buildSortRanks(documents, 'x');
				expect({ ...built, asc: Array.from(built.asc), desc: Array.from(built.desc) }).toEqual(
					reference(documents, 'x')
				);
			}),
			{ numRuns: 500 }
		);
	});
});
