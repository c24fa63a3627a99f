import { runToEnd, sortSteps, type Steps } from './cooperative';
import {
	FIELDS,
	HIERARCHIES,
	topLevels,
	type Field,
	type Levels,
	type QuasiIdentifiers
} from './quasi-identifiers';

export interface Publication {
	/** Generalisation level per field (0 = finest published precision). */
	levels: Levels;
	/** Wished sectors and experience that would single the candidate out: not shown on this profile. */
	hiddenSectors: string[];
	hiddenExperience: string[];
}

export interface AnonymisationResult {
	/** Published candidates and how each is published. */
	published: Map<string, Publication>;
	/** Candidates that no generalisation could hide among k others: not published. */
	suppressed: string[];
}

/**
 * k-anonymity over every published single-valued field by a Mondrian-style top-down specialisation.
 * Each region starts as one class with every field at the top of its hierarchy. A class is split on the
 * field whose next finer level keeps the most candidates specialised (weighted by what an employer
 * gains), into one class per finer value shared by at least k; the rest stay together at the coarser
 * value (borrowing members from large classes when they are fewer than k) and are split further on the
 * other fields. So every class has at least k members, different classes keep different detail, and a
 * candidate is suppressed only when their whole region has fewer than k publishable candidates.
 *
 * Then, per published location and education, a wished sector or experience item shown by fewer than k
 * profiles is hidden on those profiles (local suppression of the item, never of the profile).
 * Deterministic: ties go by reference.
 */
export function anonymise(records: QuasiIdentifiers[], k: number): AnonymisationResult {
	return runToEnd(anonymiseSteps(records, k));
}

/** `anonymise` as steps that may pause between them (see cooperative.ts); the same result. */
export function* anonymiseSteps(records: QuasiIdentifiers[], k: number): Steps<AnonymisationResult> {
	if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a positive whole number, got ${k}`);
	const sorted = yield* sortSteps(records, (a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
	const levels = new Map<string, Levels>();
	const suppressed: string[] = [];
	const byRegion = new Map<string, QuasiIdentifiers[]>();
	for (let i = 0; i < sorted.length; i++) {
		if (i % PAUSE_EVERY === 0) yield;
		const members = byRegion.get(sorted[i].region);
		if (members) members.push(sorted[i]);
		else byRegion.set(sorted[i].region, [sorted[i]]);
	}
	for (const members of byRegion.values()) {
		if (members.length < k) {
			suppressed.push(...members.map((r) => r.ref));
			continue;
		}
		yield* specialise(members, topLevels(), new Set(), k, levels);
	}

	const published = new Map<string, Publication>();
	const itemCounts = new Map<string, number>();
	const itemKey = (r: QuasiIdentifiers, kind: string, item: string) => {
		const l = levels.get(r.ref)!;
		return `${HIERARCHIES.location.key(r, l.location)}|${HIERARCHIES.education.key(r, l.education)}|${kind}|${item}`;
	};
	for (let i = 0; i < sorted.length; i++) {
		const r = sorted[i];
		if (i % PAUSE_EVERY === 0) yield;
		if (!levels.has(r.ref)) continue;
		for (const s of new Set(r.sectors)) increment(itemCounts, itemKey(r, 's', s));
		for (const e of new Set(r.experience)) increment(itemCounts, itemKey(r, 'e', e));
	}
	for (let i = 0; i < sorted.length; i++) {
		const r = sorted[i];
		if (i % PAUSE_EVERY === 0) yield;
		const l = levels.get(r.ref);
		if (!l) continue;
		published.set(r.ref, {
			levels: l,
			hiddenSectors: r.sectors.filter((s) => itemCounts.get(itemKey(r, 's', s))! < k),
			hiddenExperience: r.experience.filter((e) => itemCounts.get(itemKey(r, 'e', e))! < k)
		});
	}
	return { published, suppressed };
}

interface Split {
	field: Field;
	children: QuasiIdentifiers[][];
	rest: QuasiIdentifiers[];
	specialised: number;
}

// Records handled between two points where the work may pause (a few milliseconds).
const PAUSE_EVERY = 500;

function* specialise(
	members: QuasiIdentifiers[],
	at: Levels,
	exhausted: Set<Field>,
	k: number,
	out: Map<string, Levels>
): Steps<void> {
	let best: Split | null = null;
	let bestScore = 0;
	for (const field of FIELDS) {
		if (at[field] === 0 || exhausted.has(field)) continue;
		// Small classes are cheap: pausing there would cost more than it gives.
		if (members.length >= 256) yield;
		const split = planSplit(members, field, at[field] - 1, k);
		const score = split.specialised * HIERARCHIES[field].weight;
		if (score > bestScore) {
			best = split;
			bestScore = score;
		}
	}
	if (!best) {
		for (const r of members) out.set(r.ref, at);
		return;
	}
	const finer = { ...at, [best.field]: at[best.field] - 1 };
	for (const child of best.children) yield* specialise(child, finer, exhausted, k, out);
	if (best.rest.length) yield* specialise(best.rest, at, new Set([...exhausted, best.field]), k, out);
}

/** One class split on one field: finer values held by ≥ k become classes, the rest stay coarse together. */
function planSplit(members: QuasiIdentifiers[], field: Field, level: number, k: number): Split {
	const groups = [...groupBy(members, (r) => HIERARCHIES[field].key(r, level)).values()].sort(
		(a, b) => b.length - a.length || (a[0].ref < b[0].ref ? -1 : 1)
	);
	let children = groups.filter((g) => g.length >= k).map((g) => [...g]);
	const rest = groups.filter((g) => g.length < k).flat();
	while (rest.length > 0 && rest.length < k) {
		const spare = children.reduce((sum, c) => sum + c.length - k, 0);
		if (spare >= k - rest.length) {
			// Take from the largest classes, the last members by reference: deterministic.
			while (rest.length < k) {
				const donor = children.reduce((a, b) => (b.length > a.length ? b : a));
				rest.push(donor.pop()!);
			}
		} else if (children.length) {
			rest.push(...children.pop()!);
		} else break;
	}
	children = children.filter((c) => c.length > 0);
	return { field, children, rest, specialised: children.reduce((sum, c) => sum + c.length, 0) };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const k = key(item);
		const list = groups.get(k);
		if (list) list.push(item);
		else groups.set(k, [item]);
	}
	return groups;
}

function increment(counts: Map<string, number>, key: string): void {
	counts.set(key, (counts.get(key) ?? 0) + 1);
}
