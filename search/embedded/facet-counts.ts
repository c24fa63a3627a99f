/** Exact facet counts over a hit set, ordered and capped like Meilisearch's facetDistribution. */
import type { FacetDistribution, FacetStats } from '../engine';
import type { EmbeddedIndex } from './build-index';
import { bitsetFromIds, type Bitset } from './bitset';
import type { FacetField } from './facet-field';

/** The hit set as a bitset, built at most once per search and only if a facet wants it. */
export type HitBits = () => Bitset;

export function hitBitsOf(index: EmbeddedIndex, hits: ArrayLike<number>, known: Bitset | null): HitBits {
	let bits = known;
	return () => (bits ??= bitsetFromIds(index.size, hits));
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

/**
 * Counts per value over the hits, by the cheapest of three ways, each exact:
 *  - few hits: walk each hit's values;
 *  - most documents hit: walk the values of the documents that do NOT hit and subtract their counts
 *    from the value totals (a placeholder search with a light filter, a one-letter prefix);
 *  - otherwise: count each value against the hit bitset (AND + popcount for common values, a posting
 *    walk for rare ones), whose cost does not grow with the hits.
 */
export function countValues(
	index: EmbeddedIndex,
	field: FacetField,
	hits: ArrayLike<number>,
	hitBits: HitBits
): Uint32Array {
	const counts = new Uint32Array(field.display.length);
	const { postings } = field;
	if (hits.length === index.size) {
		for (let v = 0; v < counts.length; v++) counts[v] = postings[v].length;
		return counts;
	}
	const perHit = field.valuesPerDocument;
	const direct = hits.length * perHit;
	const words = (index.size + 31) >>> 5;
	const complement = (index.size - hits.length) * perHit + words;
	const scan = field.valueScanCost + hits.length / 8;
	if (direct <= complement && direct <= scan) {
		for (let i = 0; i < hits.length; i++) countDocument(field, counts, hits[i]);
		return counts;
	}
	const bits = hitBits();
	if (complement <= scan) {
		const all = index.all;
		for (let w = 0; w < words; w++) {
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
	for (let v = 0; v < counts.length; v++) {
		const dense = field.dense[v];
		if (dense !== null) {
			counts[v] = andCount(dense, bits);
			continue;
		}
		const list = postings[v];
		let count = 0;
		for (let i = 0; i < list.length; i++) {
			const d = list[i];
			if ((bits[d >>> 5] & (1 << (d & 31))) !== 0) count++;
		}
		counts[v] = count;
	}
	return counts;
}

/** Value ids with a non-zero count, in the facet's configured order. */
export function orderedValues(index: EmbeddedIndex, field: FacetField, counts: Uint32Array): number[] {
	const { sortFacetValuesBy } = index.definition.faceting;
	const order = sortFacetValuesBy[field.attribute] ?? sortFacetValuesBy['*'] ?? 'alpha';
	const ids = Array.from(field.alphaOrder).filter((v) => counts[v] > 0);
	if (order === 'count') {
		const position = new Map(ids.map((v, i) => [v, i]));
		ids.sort((a, b) => counts[b] - counts[a] || position.get(a)! - position.get(b)!);
	}
	return ids;
}

export function computeFacets(
	index: EmbeddedIndex,
	attributes: readonly string[],
	hits: ArrayLike<number>,
	hitBits: HitBits
): { facetDistribution: FacetDistribution; facetStats: FacetStats } {
	const facetDistribution: FacetDistribution = {};
	const facetStats: FacetStats = {};
	const cap = index.definition.faceting.maxValuesPerFacet;
	for (const attribute of attributes) {
		const field = index.facets.get(attribute);
		if (!field) continue;
		const counts = countValues(index, field, hits, hitBits);
		const distribution: Record<string, number> = {};
		for (const v of orderedValues(index, field, counts).slice(0, cap))
			distribution[field.display[v]] = counts[v];
		facetDistribution[attribute] = distribution;
		let min = Infinity;
		let max = -Infinity;
		for (let v = 0; v < counts.length; v++) {
			const n = field.numeric[v];
			if (counts[v] === 0 || Number.isNaN(n)) continue;
			if (n < min) min = n;
			if (n > max) max = n;
		}
		if (min !== Infinity) facetStats[attribute] = { min, max };
	}
	return { facetDistribution, facetStats };
}
