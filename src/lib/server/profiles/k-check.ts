import type { ProfileDocument } from '../../../../search/document';

/** The published quasi-identifiers of a document, as anyone reading the public set sees them. */
export function documentQiKey(d: ProfileDocument): string {
	return [
		d.region,
		d.municipality,
		d.educationLevel,
		d.driversLicence.join(','),
		d.hasDriversLicence,
		d.travelDistanceKm
	].join('|');
}

/** Size of the smallest equivalence class (Infinity for an empty set): the set is k-anonymous iff ≥ k. */
export function smallestClass(docs: Iterable<ProfileDocument>): number {
	const sizes = new Map<string, number>();
	for (const d of docs) sizes.set(documentQiKey(d), (sizes.get(documentQiKey(d)) ?? 0) + 1);
	return sizes.size === 0 ? Infinity : Math.min(...sizes.values());
}
