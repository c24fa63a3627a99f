/**
 * Each document's values of one facet field as one small number: the id of its combination of values.
 * Counting facets over a hit list then reads one byte or two per hit from an array that stays in the
 * CPU cache (100–200 KB at 100k documents), instead of the field's offsets and then its values, two
 * arrays of several hundred KB each, a cache miss apiece per hit and field.
 *
 * Built on first use from the field's document values and kept as long as the field: every write
 * makes new fields, so a combination table never outlives the values it was derived from.
 */
import type { FacetField } from './facet-field';

export interface ValueCombinations {
	/** Per document: the id of its combination of values; combination 0 is "no value". */
	cells: Uint8Array | Uint16Array;
	/** The value ids of combination k: values[offsets[k] .. offsets[k + 1]). */
	offsets: Uint32Array;
	values: Uint32Array;
	/** Documents per combination over the whole index. */
	totals: Uint32Array;
}

/**
 * At most one combination per 16 documents (and 2^16 for two-byte cells): a histogram of the hits per
 * combination then costs little beside the walk that fills it. Day parts (21 values, ~24k combinations
 * at 100k documents) and reachable municipalities (342 values, several per document) get none.
 */
function maxCombinations(size: number): number {
	return Math.min(0x10000, Math.max(0x100, size >>> 4));
}

const tables = new WeakMap<FacetField, ValueCombinations | null>();

export function valueCombinations(field: FacetField): ValueCombinations | null {
	let table = tables.get(field);
	if (table === undefined) {
		table = build(field);
		tables.set(field, table);
	}
	return table;
}

function build(field: FacetField): ValueCombinations | null {
	const { docOffsets, docValues } = field;
	const size = docOffsets.length - 1;
	const valueCount = field.display.length;
	let single = true;
	for (let d = 0; d < size && single; d++) single = docOffsets[d + 1] - docOffsets[d] <= 1;
	if (single) {
		// One value at most: combination v + 1 is value v alone.
		if (valueCount + 1 > maxCombinations(size)) return null;
		const cells = valueCount + 1 <= 0x100 ? new Uint8Array(size) : new Uint16Array(size);
		for (let d = 0; d < size; d++)
			if (docOffsets[d + 1] > docOffsets[d]) cells[d] = docValues[docOffsets[d]] + 1;
		const offsets = new Uint32Array(valueCount + 2);
		for (let k = 1; k < offsets.length; k++) offsets[k] = k - 1;
		return withTotals(
			cells,
			offsets,
			Uint32Array.from({ length: valueCount }, (_, v) => v)
		);
	}
	// Several values per document: a combination is a set of at most 32 values, keyed by its bit mask.
	if (valueCount > 32) return null;
	const masks = new Uint32Array(size);
	for (let d = 0; d < size; d++) {
		let mask = 0;
		for (let j = docOffsets[d]; j < docOffsets[d + 1]; j++) mask |= 1 << docValues[j];
		masks[d] = mask;
	}
	const numbers = numbered(masks, valueCount, maxCombinations(size));
	if (numbers === null) return null;
	const { raw, distinct } = numbers;
	const cells = distinct.length <= 0x100 ? Uint8Array.from(raw) : Uint16Array.from(raw);
	const offsets = new Uint32Array(distinct.length + 1);
	const values: number[] = [];
	distinct.forEach((mask, k) => {
		offsets[k] = values.length;
		for (let v = 0; v < valueCount; v++) if ((mask >>> v) & 1) values.push(v);
	});
	offsets[distinct.length] = values.length;
	return withTotals(cells, offsets, Uint32Array.from(values));
}

/** Numbers each distinct mask in order of first appearance, the empty mask first (as 0); null past max. */
function numbered(
	masks: Uint32Array,
	valueCount: number,
	max: number
): { raw: Uint32Array; distinct: number[] } | null {
	const raw = new Uint32Array(masks.length);
	const distinct = [0];
	// A table for up to 16 values (256 KB at most, briefly); a Map beyond.
	if (valueCount <= 16) {
		const ids = new Int32Array(1 << valueCount).fill(-1);
		ids[0] = 0;
		for (let d = 0; d < masks.length; d++) {
			let id = ids[masks[d]];
			if (id < 0) {
				if (distinct.length === max) return null;
				id = ids[masks[d]] = distinct.length;
				distinct.push(masks[d]);
			}
			raw[d] = id;
		}
		return { raw, distinct };
	}
	const ids = new Map<number, number>([[0, 0]]);
	for (let d = 0; d < masks.length; d++) {
		let id = ids.get(masks[d]);
		if (id === undefined) {
			if (distinct.length === max) return null;
			id = distinct.length;
			ids.set(masks[d], id);
			distinct.push(masks[d]);
		}
		raw[d] = id;
	}
	return { raw, distinct };
}

function withTotals(
	cells: Uint8Array | Uint16Array,
	offsets: Uint32Array,
	values: Uint32Array
): ValueCombinations {
	const totals = new Uint32Array(offsets.length - 1);
	for (let d = 0; d < cells.length; d++) totals[cells[d]]++;
	return { cells, offsets, values, totals };
}
