/**
 * Small per-index memo for the parts of a query that repeat: InstantSearch sends the same `q` and most
 * of the same filter clauses in every query of a request (disjunctive faceting) and on every keystroke.
 * Entries die with the index, so a swapped-in index never sees stale results.
 */
import type { EmbeddedIndex } from './build-index';

const MAX_ENTRIES = 64;

/** Separate memos, so one kind of entry (say, facet counts) cannot evict another (text matches). */
export type CacheBucket = 'query' | 'facets' | 'filters';

const caches: Record<CacheBucket, WeakMap<EmbeddedIndex, Map<string, unknown>>> = {
	query: new WeakMap(),
	facets: new WeakMap(),
	filters: new WeakMap()
};

export function memoized<T>(
	index: EmbeddedIndex,
	key: string,
	compute: () => T,
	bucket: CacheBucket = 'query'
): T {
	const byIndex = caches[bucket];
	let cache = byIndex.get(index);
	if (!cache) {
		cache = new Map();
		byIndex.set(index, cache);
	}
	if (cache.has(key)) {
		const value = cache.get(key) as T;
		// Re-insert to keep the Map's insertion order as least-recently-used first.
		cache.delete(key);
		cache.set(key, value);
		return value;
	}
	const value = compute();
	cache.set(key, value);
	if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
	return value;
}
