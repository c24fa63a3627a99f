/** Exact facet counts over a hit set, ordered and capped like Meilisearch's facetDistribution. */
import type { FacetDistribution, FacetStats } from '../engine';
import type { EmbeddedIndex } from './build-index';
import { bitsetFromIds, bitsetToIds, popcount, type Bitset } from './bitset';
import type { FacetField } from './facet-field';
import { hasWasm, wasmBitsets, type WasmBitsets } from './and-count-wasm';
import { valueCombinations, type ValueCombinations } from './value-combinations';

/** A search's hits, as ids and as a bitset, each made at most once and only if a count wants it. */
export interface HitSet {
	readonly count: number;
	ids(): ArrayLike<number>;
	bits(): Bitset;
}

/** From the ids (ascending), the bitset or both; `count` when already known. */
export function hitSetOf(
	index: EmbeddedIndex,
	ids: ArrayLike<number> | null,
	bits: Bitset | null,
	count = ids ? ids.length : popcount(bits!)
): HitSet {
	let knownIds = ids;
	let knownBits = bits;
	return {
		count,
		ids: () => (knownIds ??= bitsetToIds(knownBits!)),
		bits: () => (knownBits ??= bitsetFromIds(index.size, knownIds!))
	};
}

function andCount(a: Bitset, b: Bitset): number {
	let count = 0;
	for (let i = 0; i < a.length; i++) {
		let v = a[i] & b[i];
		v = v - ((v >>> 1) & 0x55555555);
		v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
		count += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
	}
	return count;
}

/** Adds the values of document d to counts (each value once per document, as built). */
function countDocument(field: FacetField, counts: Uint32Array, d: number): void {
	const { docOffsets, docValues } = field;
	for (let j = docOffsets[d]; j < docOffsets[d + 1]; j++) counts[docValues[j]]++;
}

/** Adds each combination's documents to the counts of its values. */
function spread(combinations: ValueCombinations, perCombination: Uint32Array, counts: Uint32Array): void {
	const { offsets, values } = combinations;
	for (let k = 1; k < perCombination.length; k++) {
		const n = perCombination[k];
		if (n === 0) continue;
		for (let j = offsets[k]; j < offsets[k + 1]; j++) counts[values[j]] += n;
	}
}

/** The hits per combination, then per value. */
function countHitCombinations(
	combinations: ValueCombinations,
	hits: ArrayLike<number>,
	counts: Uint32Array
): void {
	const { cells } = combinations;
	const perCombination = new Uint32Array(combinations.totals.length);
	for (let i = 0; i < hits.length; i++) perCombination[cells[hits[i]]]++;
	spread(combinations, perCombination, counts);
}

/** All documents per combination minus the documents that do not hit, then per value. */
function countMissCombinations(
	combinations: ValueCombinations,
	all: Bitset,
	bits: Bitset,
	counts: Uint32Array
): void {
	const { cells } = combinations;
	const perCombination = combinations.totals.slice();
	for (let w = 0; w < all.length; w++) {
		let missing = all[w] & ~bits[w];
		while (missing !== 0) {
			const low = missing & -missing;
			perCombination[cells[(w << 5) + 31 - Math.clz32(low)]]--;
			missing ^= low;
		}
	}
	spread(combinations, perCombination, counts);
}

/**
 * A field's values for counting against a hit bitset in WebAssembly: a value with more postings than
 * a sixth of the bitset's words is cheaper as an AND + popcount there (a 64-bit word costs about as
 * much as three postings walked), the rest are walked. The bitsets are made on first use.
 */
interface WasmValues {
	dense: Uint32Array;
	sparse: Uint32Array;
	/** Cost of one count, in the units of cheapestWay. */
	cost: number;
	memory: WasmBitsets | null;
}

const wasmTables = new WeakMap<FacetField, WasmValues | null>();

function wasmValuesOf(field: FacetField): WasmValues | null {
	let table = wasmTables.get(field);
	if (table === undefined) {
		table = hasWasm() ? splitValues(field) : null;
		wasmTables.set(field, table);
	}
	return table;
}

/** Bitset words of the field's index: a field's arrays are made for one index size. */
function wordsOf(field: FacetField): number {
	return (field.docOffsets.length - 1 + 31) >>> 5;
}

function splitValues(field: FacetField): WasmValues {
	const words = wordsOf(field);
	const dense: number[] = [];
	const sparse: number[] = [];
	let cost = 0;
	field.postings.forEach((list, v) => {
		if (list.length * WASM_WORDS_PER_POSTING > words) {
			dense.push(v);
			cost += words / WASM_WORDS_PER_POSTING;
		} else {
			sparse.push(v);
			cost += list.length;
		}
	});
	return { dense: Uint32Array.from(dense), sparse: Uint32Array.from(sparse), cost, memory: null };
}

const WASM_WORDS_PER_POSTING = 6;

function wasmMemoryOf(field: FacetField, table: WasmValues): WasmBitsets {
	if (table.memory === null) {
		// One slot per dense value, then one for the hits.
		const memory = wasmBitsets(table.dense.length + 1, wordsOf(field))!;
		table.dense.forEach((v, slot) => {
			const list = field.postings[v];
			const at = slot * memory.stride;
			for (let i = 0; i < list.length; i++) memory.heap[at + (list[i] >>> 5)] |= 1 << (list[i] & 31);
		});
		table.memory = memory;
	}
	return table.memory;
}

/** Counts of the values in `values` by walking their postings against the bitset. */
function walkPostings(field: FacetField, values: ArrayLike<number>, bits: Bitset, counts: Uint32Array): void {
	for (let i = 0; i < values.length; i++) {
		const list = field.postings[values[i]];
		let count = 0;
		// Branch-free: with a third of the documents hitting, a branch here is mispredicted constantly.
		for (let j = 0; j < list.length; j++) count += (bits[list[j] >>> 5] >>> (list[j] & 31)) & 1;
		counts[values[i]] = count;
	}
}

/** Each value against the hit bitset: AND + popcount for dense values, a posting walk for the rest. */
function countByValue(field: FacetField, bits: Bitset, counts: Uint32Array): void {
	const table = wasmValuesOf(field);
	if (table !== null) {
		walkPostings(field, table.sparse, bits, counts);
		if (table.dense.length === 0) return;
		const memory = wasmMemoryOf(field, table);
		const hitSlot = table.dense.length;
		memory.heap.set(bits, hitSlot * memory.stride);
		for (let slot = 0; slot < table.dense.length; slot++)
			counts[table.dense[slot]] = memory.andCount(slot, hitSlot);
		return;
	}
	const sparse: number[] = [];
	for (let v = 0; v < counts.length; v++) {
		const dense = field.dense[v];
		if (dense !== null) counts[v] = andCount(dense, bits);
		else sparse.push(v);
	}
	walkPostings(field, sparse, bits, counts);
}

/**
 * The ways to count a field's values over the hits, each exact:
 *  - `hits`: walk the hits, counting each hit's combination of values, then each combination's values
 *    (for a field without a combination table, each hit's own values);
 *  - `misses`: walk the documents that do NOT hit and subtract from the totals (most documents hit: a
 *    placeholder search with a light filter, a one-letter prefix);
 *  - `values`: count each value against the hit bitset (AND + popcount for common values, a posting
 *    walk for rare ones), whose cost does not grow with the hits.
 */
export type CountWay = 'hits' | 'misses' | 'values';

/**
 * The cheapest way, by costs in units of about one hit through a combination table (~2.5 ns here): a
 * bitset word and a posting cost about as much, a hit through a field's own values several times it.
 */
function cheapestWay(index: EmbeddedIndex, field: FacetField, hits: number): CountWay {
	const words = (index.size + 31) >>> 5;
	const misses = index.size - hits;
	const scan = (wasmValuesOf(field)?.cost ?? field.valueScanCost) + hits / 8;
	const combinations = valueCombinations(field);
	const kinds = combinations === null ? 0 : combinations.totals.length;
	const perHit = combinations === null ? 3 * field.valuesPerDocument : 1;
	const direct = hits * perHit + kinds;
	const complement = misses * perHit + 2 * words + kinds;
	if (direct <= complement && direct <= scan) return 'hits';
	return complement <= scan ? 'misses' : 'values';
}

/** Counts per value over the hits; `way` is for tests, which compare every way with a plain count. */
export function countValues(
	index: EmbeddedIndex,
	field: FacetField,
	hits: HitSet,
	way?: CountWay
): Uint32Array {
	const counts = new Uint32Array(field.display.length);
	const { postings } = field;
	if (way === undefined && hits.count === index.size) {
		for (let v = 0; v < counts.length; v++) counts[v] = postings[v].length;
		return counts;
	}
	const chosen = way ?? cheapestWay(index, field, hits.count);
	if (chosen === 'values') {
		countByValue(field, hits.bits(), counts);
		return counts;
	}
	const combinations = valueCombinations(field);
	if (chosen === 'hits') {
		const ids = hits.ids();
		if (combinations !== null) countHitCombinations(combinations, ids, counts);
		else for (let i = 0; i < ids.length; i++) countDocument(field, counts, ids[i]);
		return counts;
	}
	const bits = hits.bits();
	if (combinations !== null) {
		countMissCombinations(combinations, index.all, bits, counts);
		return counts;
	}
	const all = index.all;
	for (let w = 0; w < all.length; w++) {
		let missing = all[w] & ~bits[w];
		while (missing !== 0) {
			const low = missing & -missing;
			countDocument(field, counts, (w << 5) + 31 - Math.clz32(low));
			missing ^= low;
		}
	}
	for (let v = 0; v < counts.length; v++) counts[v] = postings[v].length - counts[v];
	return counts;
}

function facetOrder(index: EmbeddedIndex, field: FacetField): 'alpha' | 'count' {
	const { sortFacetValuesBy } = index.definition.faceting;
	return sortFacetValuesBy[field.attribute] ?? sortFacetValuesBy['*'] ?? 'alpha';
}

/** Value ids with a non-zero count, in the facet's configured order. */
export function orderedValues(index: EmbeddedIndex, field: FacetField, counts: Uint32Array): number[] {
	const ids = Array.from(field.alphaOrder).filter((v) => counts[v] > 0);
	if (facetOrder(index, field) === 'count') {
		const position = new Map(ids.map((v, i) => [v, i]));
		ids.sort((a, b) => counts[b] - counts[a] || position.get(a)! - position.get(b)!);
	}
	return ids;
}

/** A search's counts per value, per faceted attribute that exists: what its facets are made of. */
export type FacetCounts = readonly { field: FacetField; counts: Uint32Array }[];

export function countFacets(index: EmbeddedIndex, attributes: readonly string[], hits: HitSet): FacetCounts {
	const out: { field: FacetField; counts: Uint32Array }[] = [];
	for (const attribute of attributes) {
		const field = index.facets.get(attribute);
		if (field) out.push({ field, counts: countValues(index, field, hits) });
	}
	return out;
}

function distributionOf(
	index: EmbeddedIndex,
	field: FacetField,
	counts: Uint32Array
): Record<string, number> {
	const cap = index.definition.faceting.maxValuesPerFacet;
	const { display } = field;
	const distribution: Record<string, number> = {};
	if (facetOrder(index, field) === 'count') {
		for (const v of orderedValues(index, field, counts).slice(0, cap)) distribution[display[v]] = counts[v];
		return distribution;
	}
	// Alpha order is the table's own: walked directly, without the intermediate lists.
	const { alphaOrder } = field;
	let shown = 0;
	for (let i = 0; i < alphaOrder.length && shown < cap; i++) {
		const v = alphaOrder[i];
		if (counts[v] === 0) continue;
		distribution[display[v]] = counts[v];
		shown++;
	}
	return distribution;
}

/** The response's facets, new objects on every call: memoised counts are shared, responses are not. */
export function facetsFromCounts(
	index: EmbeddedIndex,
	facetCounts: FacetCounts
): { facetDistribution: FacetDistribution; facetStats: FacetStats } {
	const facetDistribution: FacetDistribution = {};
	const facetStats: FacetStats = {};
	for (const { field, counts } of facetCounts) {
		facetDistribution[field.attribute] = distributionOf(index, field, counts);
		let min = Infinity;
		let max = -Infinity;
		for (let v = 0; v < counts.length; v++) {
			const n = field.numeric[v];
			if (counts[v] === 0 || Number.isNaN(n)) continue;
			if (n < min) min = n;
			if (n > max) max = n;
		}
		if (min !== Infinity) facetStats[field.attribute] = { min, max };
	}
	return { facetDistribution, facetStats };
}

export function computeFacets(
	index: EmbeddedIndex,
	attributes: readonly string[],
	hits: HitSet
): { facetDistribution: FacetDistribution; facetStats: FacetStats } {
	return facetsFromCounts(index, countFacets(index, attributes, hits));
}
