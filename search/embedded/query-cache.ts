/**
 * Small per-index memo for the parts of a query that repeat: InstantSearch sends the same `q` and most
 * of the same filter clauses in every query of a request (disjunctive faceting) and on every keystroke.
 * Entries die with the index, so a swapped-in index never sees stale results.
 */
import type { EmbeddedIndex } from './build-index';

/** Separate memos, so one kind of entry (say, facet counts) cannot evict another (text matches). */
export type CacheBucket = 'query' | 'facets' | 'filters' | 'words';

/** Per bucket: at most this many entries, and this many bytes of the entries that are weighed. */
const LIMITS: Record<CacheBucket, { entries: number; bytes: number }> = {
	query: { entries: 64, bytes: Infinity },
	facets: { entries: 64, bytes: Infinity },
	filters: { entries: 64, bytes: Infinity },
	// One-word answers (short-prefix.ts), of the words anyone typed last: up to 10 bytes per matching
	// document each (a common word takes 6 MB at 1M documents), so bounded by their bytes too.
	words: { entries: 256, bytes: 32 * 2 ** 20 }
};

interface Memo {
	values: Map<string, unknown>;
	bytes: Map<string, number>;
	total: number;
}

const caches: Record<CacheBucket, WeakMap<EmbeddedIndex, Memo>> = {
	query: new WeakMap(),
	facets: new WeakMap(),
	filters: new WeakMap(),
	words: new WeakMap()
};

export function memoized<T>(
	index: EmbeddedIndex,
	key: string,
	compute: () => T,
	bucket: CacheBucket = 'query',
	weigh?: (value: T) => number
): T {
	const byIndex = caches[bucket];
	let memo = byIndex.get(index);
	if (!memo) {
		memo = { values: new Map(), bytes: new Map(), total: 0 };
		byIndex.set(index, memo);
	}
	const cache = memo.values;
	if (cache.has(key)) {
		const value = cache.get(key) as T;
		// Re-insert to keep the Map's insertion order as least-recently-used first.
		cache.delete(key);
		cache.set(key, value);
		return value;
	}
	const value = compute();
	cache.set(key, value);
	if (weigh) {
		const bytes = weigh(value);
		memo.bytes.set(key, bytes);
		memo.total += bytes;
	}
	const limit = LIMITS[bucket];
	// The newest entry stays, even alone over the budget: the rest of its request reads it.
	while (cache.size > 1 && (cache.size > limit.entries || memo.total > limit.bytes)) {
		const oldest = cache.keys().next().value as string;
		memo.total -= memo.bytes.get(oldest) ?? 0;
		memo.bytes.delete(oldest);
		cache.delete(oldest);
	}
	return value;
}
