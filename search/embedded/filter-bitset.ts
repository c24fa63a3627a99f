/** Evaluates a filter AST to a bitset of matching documents, with Meilisearch's semantics. */
import { filterNumber, normalizeFacetValue, type FilterNode } from '../filter/ast';
import { haversineMeters } from '../geo';
import { andInto, complementInto, emptyBitset, orInto, setBit, type Bitset } from './bitset';
import type { EmbeddedIndex } from './build-index';
import type { FacetField } from './facet-field';
import { memoized } from './query-cache';

/** Adds the documents holding value `id` of a field: a word-wise OR when the value has a bitset. */
function addValue(bits: Bitset, field: FacetField, id: number): void {
	const dense = field.dense[id];
	if (dense !== null) {
		orInto(bits, dense);
		return;
	}
	const postings = field.postings[id];
	for (let i = 0; i < postings.length; i++) setBit(bits, postings[i]);
}

function scanDocs(index: EmbeddedIndex, test: (d: number) => boolean): Bitset {
	const bits = emptyBitset(index.size);
	for (let d = 0; d < index.size; d++) if (test(d)) setBit(bits, d);
	return bits;
}

/**
 * A range is the union of the postings of the distinct numbers inside it: a field holds a few dozen
 * numbers at most (hours, distances, dates), far fewer than documents to scan. On array attributes any
 * element may satisfy the range: [16, 32] matches `>= 24`, as it holds 32.
 */
function rangeBits(index: EmbeddedIndex, node: Extract<FilterNode, { type: 'range' }>): Bitset {
	const bits = emptyBitset(index.size);
	const field = index.facets.get(node.attribute);
	if (!field) return bits;
	const min = node.min ?? -Infinity;
	const max = node.max ?? Infinity;
	const minInclusive = node.min === null || node.minInclusive;
	const maxInclusive = node.max === null || node.maxInclusive;
	const { numeric } = field;
	for (let value = 0; value < numeric.length; value++) {
		const v = numeric[value];
		// NaN (a string value) fails both comparisons.
		if (!((v > min || (minInclusive && v === min)) && (v < max || (maxInclusive && v === max)))) continue;
		addValue(bits, field, value);
	}
	return bits;
}

/**
 * The documents matching a filter. The result is the caller's to modify. The whole filter is
 * memoised as well as each condition: InstantSearch sends the same filters on every keystroke.
 */
export function filterToBitset(index: EmbeddedIndex, node: FilterNode): Bitset {
	return memoizedBits(index, node).slice();
}

/** A filter's documents, memoised and shared: read, never modified. */
function memoizedBits(index: EmbeddedIndex, node: FilterNode): Bitset {
	return memoized(index, `filter:${JSON.stringify(node)}`, () => evaluate(index, node), 'filters');
}

/**
 * A child's documents to combine into another bitset: a condition's shared bits, no copy; a nested
 * group is evaluated (its conditions memoised), so one filter adds one memo entry per condition at most.
 */
function childBits(index: EmbeddedIndex, node: FilterNode): Bitset {
	return node.type === 'and' || node.type === 'or' || node.type === 'not'
		? evaluate(index, node)
		: memoizedBits(index, node);
}

function evaluate(index: EmbeddedIndex, node: FilterNode): Bitset {
	switch (node.type) {
		case 'and': {
			const bits = index.all.slice();
			for (const child of node.children) andInto(bits, childBits(index, child));
			return bits;
		}
		case 'or': {
			const bits = emptyBitset(index.size);
			for (const child of node.children) orInto(bits, childBits(index, child));
			return bits;
		}
		case 'not': {
			// `!=` and NOT are "all documents minus the matches": documents without the attribute match.
			const bits = filterToBitset(index, node.child);
			complementInto(bits, index.all);
			return bits;
		}
		case 'equals': {
			const bits = emptyBitset(index.size);
			const field = index.facets.get(node.attribute);
			if (!field) return bits;
			const stringId = field.byString.get(normalizeFacetValue(node.value));
			if (stringId !== undefined) addValue(bits, field, stringId);
			const n = filterNumber(node.value);
			const numberId = n === null ? undefined : field.byNumber.get(n);
			if (numberId !== undefined) addValue(bits, field, numberId);
			return bits;
		}
		case 'range':
			return rangeBits(index, node);
		case 'startsWith': {
			const bits = emptyBitset(index.size);
			const field = index.facets.get(node.attribute);
			if (!field) return bits;
			const prefix = normalizeFacetValue(node.value);
			// byString holds string values only (booleans as "true"/"false"): numbers never match.
			for (const [value, id] of field.byString) {
				if (value.startsWith(prefix)) addValue(bits, field, id);
			}
			return bits;
		}
		case 'exists':
			return (index.facets.get(node.attribute)?.exists ?? emptyBitset(index.size)).slice();
		case 'isNull':
			return (index.facets.get(node.attribute)?.nulls ?? emptyBitset(index.size)).slice();
		case 'isEmpty':
			return (index.facets.get(node.attribute)?.empties ?? emptyBitset(index.size)).slice();
		case 'geoRadius': {
			const { lat, lng, radius } = node;
			return scanDocs(
				index,
				(d) =>
					!Number.isNaN(index.geoLat[d]) &&
					haversineMeters(lat, lng, index.geoLat[d], index.geoLng[d]) <= radius
			);
		}
		case 'geoBoundingBox': {
			const { top, right, bottom, left } = node;
			return scanDocs(index, (d) => {
				const la = index.geoLat[d];
				const ln = index.geoLng[d];
				if (Number.isNaN(la) || la > top || la < bottom) return false;
				return left <= right ? ln >= left && ln <= right : ln >= left || ln <= right;
			});
		}
	}
}
