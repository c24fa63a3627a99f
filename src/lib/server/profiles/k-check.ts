import type { ProfileDocument } from '../../../../search/document';

/**
 * The published single-valued vector of a document, as anyone reading the public set sees it: every
 * field an acquaintance could know, with the licence and transport sets.
 */
export function documentQiKey(d: ProfileDocument): string {
	return [
		d.region,
		d.municipality,
		d.educationLevel,
		d.hoursBand,
		d.availability,
		d.driversLicence.join(','),
		d.hasDriversLicence,
		d.transport.join(','),
		d.travelDistanceKm,
		d.dayParts.join(','),
		d.updatedPeriod
	].join('|');
}

function place(d: ProfileDocument): string {
	return `${d.region}|${d.municipality}|${d.educationLevel}`;
}

export interface KCheck {
	/** Smallest class over the whole single-valued vector (Infinity for an empty set). */
	smallestVectorClass: number;
	/** Smallest class of one sector or experience item with location and education. */
	smallestItemClass: number;
	/** Published profiles in a vector class below k, and shown items in an item class below k. */
	profilesBelowK: number;
	itemsBelowK: number;
}

/** Measures k-anonymity of a published set from the documents alone, independent of the anonymiser. */
export function checkKAnonymity(docs: Iterable<ProfileDocument>, k: number): KCheck {
	const vectors = new Map<string, number>();
	const items = new Map<string, number>();
	const list = [...docs];
	const itemKeys = (d: ProfileDocument) => [
		...new Set(d.sectors.map((s) => `${place(d)}|s|${s}`)),
		...new Set(d.experience.map((e) => `${place(d)}|e|${e}`))
	];
	for (const d of list) {
		vectors.set(documentQiKey(d), (vectors.get(documentQiKey(d)) ?? 0) + 1);
		for (const key of itemKeys(d)) items.set(key, (items.get(key) ?? 0) + 1);
	}
	let profilesBelowK = 0;
	let itemsBelowK = 0;
	for (const d of list) {
		if (vectors.get(documentQiKey(d))! < k) profilesBelowK++;
		for (const key of itemKeys(d)) if (items.get(key)! < k) itemsBelowK++;
	}
	const min = (m: Map<string, number>) => [...m.values()].reduce((a, b) => Math.min(a, b), Infinity);
	return { smallestVectorClass: min(vectors), smallestItemClass: min(items), profilesBelowK, itemsBelowK };
}

/** Size of the smallest equivalence class (Infinity for an empty set): the set is k-anonymous iff ≥ k. */
export function smallestClass(docs: Iterable<ProfileDocument>): number {
	const check = checkKAnonymity(docs, 1);
	return Math.min(check.smallestVectorClass, check.smallestItemClass);
}
