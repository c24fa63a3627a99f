import { MAX_LEVEL, publishedQi, qiKey, type QuasiIdentifiers } from './quasi-identifiers';

export interface AnonymisationResult {
	/** Published candidates and the generalisation level each needs (0 = as they are). */
	levels: Map<string, number>;
	/** Candidates that no generalisation could hide among k others: not published. */
	suppressed: string[];
}

/**
 * k-anonymity by local recoding: candidates whose published quasi-identifiers are shared by fewer than k
 * others are generalised one level at a time (municipality → region, education → group, licence
 * categories → yes/no, travel distance → coarse steps). A class still too small at a level borrows
 * members from classes with more than k at a finer level, which costs them detail but keeps them
 * published; whoever is left after the last level is suppressed. Deterministic: ties go by reference.
 */
export function anonymise(records: QuasiIdentifiers[], k: number): AnonymisationResult {
	if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a positive whole number, got ${k}`);
	const sorted = [...records].sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
	const level = new Map(sorted.map((r) => [r.ref, 0]));
	const keyOf = (r: QuasiIdentifiers, at = level.get(r.ref)!) => qiKey(publishedQi(r, at));

	for (let L = 1; L <= MAX_LEVEL; L++) {
		const before = countBy(sorted, (r) => keyOf(r));
		for (const r of sorted) if (before.get(keyOf(r))! < k) level.set(r.ref, L);
		borrowDonors(sorted, level, L, k, keyOf);
	}

	const sizes = countBy(sorted, (r) => keyOf(r));
	const levels = new Map<string, number>();
	const suppressed: string[] = [];
	for (const r of sorted) {
		if (sizes.get(keyOf(r))! >= k) levels.set(r.ref, level.get(r.ref)!);
		else suppressed.push(r.ref);
	}
	return { levels, suppressed };
}

function borrowDonors(
	records: QuasiIdentifiers[],
	level: Map<string, number>,
	L: number,
	k: number,
	keyOf: (r: QuasiIdentifiers, at?: number) => string
): void {
	const sizes = countBy(records, (r) => keyOf(r));
	const small = new Set<string>();
	for (const r of records) {
		const key = keyOf(r);
		if (level.get(r.ref) === L && sizes.get(key)! < k) small.add(key);
	}
	if (small.size === 0) return;
	const pool = new Map<string, QuasiIdentifiers[]>();
	for (const r of records) {
		if (level.get(r.ref)! >= L) continue;
		const target = keyOf(r, L);
		if (!small.has(target)) continue;
		const list = pool.get(target) ?? [];
		list.push(r);
		pool.set(target, list);
	}
	for (const target of small) {
		const need = k - sizes.get(target)!;
		const taken: QuasiIdentifiers[] = [];
		const spare = new Map<string, number>();
		for (const donor of pool.get(target) ?? []) {
			if (taken.length === need) break;
			const from = keyOf(donor);
			if (from === target) continue;
			const left = spare.get(from) ?? sizes.get(from)! - k;
			if (left <= 0) continue;
			spare.set(from, left - 1);
			taken.push(donor);
		}
		if (taken.length < need) continue;
		for (const donor of taken) {
			const from = keyOf(donor);
			sizes.set(from, sizes.get(from)! - 1);
			level.set(donor.ref, L);
		}
		sizes.set(target, k);
	}
}

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
	const counts = new Map<string, number>();
	for (const item of items) {
		const k = key(item);
		counts.set(k, (counts.get(k) ?? 0) + 1);
	}
	return counts;
}
