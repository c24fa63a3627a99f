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

/**
 * Counts per value over the hits. Few hits: walk each hit's values. Many hits: count each value against
 * the hit bitset instead (AND + popcount for common values, a posting walk for rare ones), whose cost
 * does not grow with the hits; a facet with few values then costs a few thousand word operations.
 */
export function countValues(
	index: EmbeddedIndex,
	field: FacetField,
	hits: ArrayLike<number>,
	hitBits: HitBits
): Uint32Array {
	const counts = new Uint32Array(field.display.length);
	if (hits.length === index.size) {
		for (let v = 0; v < counts.length; v++) counts[v] = field.postings[v].length;
		return counts;
	}
	if (hits.length * field.valuesPerDocument > field.valueScanCost + hits.length / 8) {
		const bits = hitBits();
		for (let v = 0; v < counts.length; v++) {
			const dense = field.dense[v];
			if (dense !== null) {
				counts[v] = andCount(dense, bits);
				continue;
			}
			const postings = field.postings[v];
			let count = 0;
			for (let i = 0; i < postings.length; i++) {
				const d = postings[i];
				if ((bits[d >>> 5] & (1 << (d & 31))) !== 0) count++;
			}
			counts[v] = count;
		}
		return counts;
	}
	const { docOffsets, docValues } = field;
	for (let i = 0; i < hits.length; i++) {
		const d = hits[i];
		for (let j = docOffsets[d]; j < docOffsets[d + 1]; j++) counts[docValues[j]]++;
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
