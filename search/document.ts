/**
 * The public search document: the ONLY shape in which a candidate reaches the search index, the public
 * pages and the public API. It is produced by the anonymising projection in
 * `src/lib/server/profiles/public-profile.ts` and nowhere else.
 *
 * Facet values are stable codes (from `src/lib/reference/lists.json`, CBS codes for places) so URLs and
 * filters survive relabelling; the `*Labels` / `*Name` fields carry the Dutch words people search for.
 */
export interface ProfileDocument {
	/** Public reference, e.g. `KV-4F7K-92QD`: random, stable across imports. Primary key. */
	id: string;
	/** Generated headline from sectors and task types ("Wil werken in logistiek; kan orderpicken"). */
	title: string;
	/** Scrubbed, reviewed profile text; empty when none was published. */
	summary: string;

	/** Labour market region code (`AM01`..). Always present. */
	region: string;
	regionName: string;
	/** Municipality code (`GM0014`), or null when generalised to the region for k-anonymity. */
	municipality: string | null;
	municipalityName: string | null;

	/** Education code from the list, or an education group code (`laag`/`mbo`/`hoog`) when generalised. */
	educationLevel: string;
	educationLabel: string;

	sectors: string[];
	sectorLabels: string[];
	/** Task-type slugs the candidate can do, alone or with guidance. */
	taskTypes: string[];
	/** Task-type slugs the candidate can do on their own (subset of taskTypes). */
	taskTypesIndependent: string[];
	taskTypeLabels: string[];
	affinities: string[];
	affinityLabels: string[];
	competences: string[];
	competenceLabels: string[];
	/** Sector codes with prior work experience. */
	experience: string[];

	/** Bounds of the published hours band: a range filter on this array matches overlapping bands. */
	hoursPerWeek: number[];
	hoursMin: number;
	hoursMax: number;
	/** Hours band code (`tot-12` .. `36-plus`, coarser `tot-20`/`20-plus`, or `onbekend`). */
	hoursBand: string;
	/** Broad day parts: `ochtend`, `middag`, `avond` (weekdays) and `weekend`; empty when not published. */
	dayParts: string[];
	/** When the candidate can start, as a category on the day of publication; never a date. */
	availability: string;

	/** Distance the candidate will travel, coarsened to a published step (km); 0 when not published. */
	travelDistanceKm: number;
	/** Municipality codes the candidate can reach from the published location within travelDistanceKm. */
	reachableMunicipalities: string[];
	/** Transport modes; `gemotoriseerd` stands for auto or scooter when licence categories are withheld. */
	transport: string[];
	/** Licence categories; empty when none or when withheld. */
	driversLicence: string[];
	/** null when not published. */
	hasDriversLicence: boolean | null;

	/** Centroid of the published location (municipality, or region when generalised). */
	_geo: { lat: number; lng: number };

	/** Unix seconds: start of the published period of the last source change (0 when not published). */
	updatedAt: number;
	/** That period: `2026-11`, `2026-K4`, `2026`, or ''. */
	updatedPeriod: string;
	/** Unix seconds: first publication (for "new since" alerts). */
	publishedAt: number;
}

export const PROFILE_INDEX_UID = 'profiles';
