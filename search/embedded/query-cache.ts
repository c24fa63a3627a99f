/**
 * Small per-index memo for the parts of a query that repeat: InstantSearch sends the same `q` and most
 * of the same filter clauses in every query of a request (disjunctive faceting) and on every keystroke.
 * Entries die with the index, so a swapped-in index never sees stale results.
 */
import type { EmbeddedIndex } from './build-index';

const MAX_ENTRIES = 64;
const caches = new WeakMap<EmbeddedIndex, Map<string, unknown>>();

export function memoized<T>(index: EmbeddedIndex, key: string, compute: () => T): T {
	let cache = caches.get(index);
	if (!cache) {
		cache = new Map();
		caches.set(index, cache);
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
