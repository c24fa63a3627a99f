/** Exact facet counts over a hit set, ordered and capped like Meilisearch's facetDistribution. */
import type { FacetDistribution, FacetStats } from '../engine';
import type { EmbeddedIndex } from './build-index';
import type { FacetField } from './facet-field';

export function countValues(index: EmbeddedIndex, field: FacetField, hits: ArrayLike<number>): Uint32Array {
	const counts = new Uint32Array(field.display.length);
	if (hits.length === index.size) {
		for (let v = 0; v < counts.length; v++) counts[v] = field.postings[v].length;
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
	hits: ArrayLike<number>
): { facetDistribution: FacetDistribution; facetStats: FacetStats } {
	const facetDistribution: FacetDistribution = {};
	const facetStats: FacetStats = {};
	const cap = index.definition.faceting.maxValuesPerFacet;
	for (const attribute of attributes) {
		const field = index.facets.get(attribute);
		if (!field) continue;
		const counts = countValues(index, field, hits);
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
