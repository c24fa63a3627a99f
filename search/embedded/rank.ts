/**
 * Orders candidates by the index's ranking rules. Each rule becomes a key array where smaller is better,
 * so comparing two candidates is a few array reads; only the requested page is fully ordered.
 * `proximity` is not implemented (it would need word positions): it never separates two candidates.
 */
import { haversineMeters } from '../geo';
import type { SortCriterion } from '../sort';
import { MISSING_RANK, type EmbeddedIndex } from './build-index';
import type { TextMatches } from './match-text';

export interface Ranked {
	/** Internal document numbers of the requested window, in order. */
	docs: number[];
	/** Metres from the `_geoPoint` of the sort, parallel to docs, when sorting by distance. */
	geoDistances: number[] | null;
}

function sortKeys(index: EmbeddedIndex, docs: ArrayLike<number>, criteria: readonly SortCriterion[]) {
	const keys: Float64Array[] = [];
	let geo: Float64Array | null = null;
	for (const criterion of criteria) {
		const key = new Float64Array(docs.length);
		if (criterion.kind === 'field') {
			const ranks = index.sortRanks.get(criterion.attribute);
			for (let i = 0; i < docs.length; i++) {
				const rank = ranks ? ranks[docs[i]] : MISSING_RANK;
				// Documents without a value come last in both directions, as in Meilisearch.
				key[i] = rank === MISSING_RANK ? Infinity : criterion.direction === 'asc' ? rank : -rank;
			}
		} else {
			const distances = new Float64Array(docs.length);
			for (let i = 0; i < docs.length; i++) {
				const d = docs[i];
				const lat = index.geoLat[d];
				distances[i] = Number.isNaN(lat) ? Infinity : haversineMeters(criterion.lat, criterion.lng, lat, index.geoLng[d]);
				key[i] = distances[i] === Infinity ? Infinity : criterion.direction === 'asc' ? distances[i] : -distances[i];
			}
			geo ??= distances;
		}
		keys.push(key);
	}
	return { keys, geo };
}

/** Indices of the best `k` candidates, in order. */
function selectTop(n: number, k: number, better: (a: number, b: number) => number): number[] {
	if (k <= 0 || n === 0) return [];
	if (n <= k * 4 || n < 256) {
		const all = Array.from({ length: n }, (_, i) => i);
		all.sort(better);
		return all.slice(0, k);
	}
	// Max-heap on "worse": its root is the weakest of the current best k.
	const heap: number[] = [];
	const worse = (a: number, b: number) => better(a, b) > 0;
	const siftUp = (i: number) => {
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (!worse(heap[i], heap[parent])) break;
			[heap[i], heap[parent]] = [heap[parent], heap[i]];
			i = parent;
		}
	};
	const siftDown = (i: number) => {
		for (;;) {
			const l = 2 * i + 1;
			const r = l + 1;
			let top = i;
			if (l < heap.length && worse(heap[l], heap[top])) top = l;
			if (r < heap.length && worse(heap[r], heap[top])) top = r;
			if (top === i) return;
			[heap[i], heap[top]] = [heap[top], heap[i]];
			i = top;
		}
	};
	for (let i = 0; i < n; i++) {
		if (heap.length < k) {
			heap.push(i);
			siftUp(heap.length - 1);
		} else if (better(i, heap[0]) < 0) {
			heap[0] = i;
			siftDown(0);
		}
	}
	return heap.sort(better);
}

/**
 * The best `offset + limit` candidates after `offset`. `text` is null for a placeholder search, whose
 * candidates must then be in document order.
 */
export function rankWindow(
	index: EmbeddedIndex,
	candidates: ArrayLike<number>,
	text: TextMatches | null,
	criteria: readonly SortCriterion[],
	offset: number,
	limit: number
): Ranked {
	const end = offset + limit;
	const { keys: sortKeyArrays, geo } = sortKeys(index, candidates, criteria);
	if (text === null && criteria.length === 0) {
		const docs: number[] = [];
		for (let i = offset; i < Math.min(end, candidates.length); i++) docs.push(candidates[i]);
		return { docs, geoDistances: null };
	}
	const keys: ArrayLike<number>[] = [];
	const negate = (a: ArrayLike<number>) => Float64Array.from(a as ArrayLike<number>, (v) => -v);
	for (const rule of index.definition.rankingRules) {
		if (rule === 'sort') keys.push(...sortKeyArrays);
		else if (text !== null && rule === 'words') keys.push(negate(text.words));
		else if (text !== null && rule === 'typo') keys.push(text.typos);
		else if (text !== null && rule === 'attribute') keys.push(text.attributes);
		else if (text !== null && rule === 'exactness') keys.push(negate(text.exact));
	}
	const better = (a: number, b: number): number => {
		for (const key of keys) {
			const diff = key[a] - key[b];
			if (diff !== 0 && !Number.isNaN(diff)) return diff;
		}
		return candidates[a] - candidates[b];
	};
	const top = selectTop(candidates.length, end, better).slice(offset);
	return {
		docs: top.map((i) => candidates[i]),
		geoDistances: geo ? top.map((i) => Math.round(geo[i])) : null
	};
}
