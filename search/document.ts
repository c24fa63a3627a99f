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

	/** [hoursMin, hoursMax]: a range filter on this array matches profiles whose range overlaps. */
	hoursPerWeek: number[];
	hoursMin: number;
	hoursMax: number;
	/** Day parts like `ma-ochtend`. */
	dayParts: string[];
	/** Unix seconds of the date the candidate can start (start of day, Europe/Amsterdam). */
	availableFrom: number;

	/** Distance the candidate will travel, coarsened to a published step (km). */
	travelDistanceKm: number;
	/** Municipality codes the candidate can reach from the published location within travelDistanceKm. */
	reachableMunicipalities: string[];
	transport: string[];
	/** Licence categories; empty when none. */
	driversLicence: string[];
	hasDriversLicence: boolean;

	/** Centroid of the published location (municipality, or region when generalised). */
	_geo: { lat: number; lng: number };

	/** Unix seconds: last change of the source profile (day precision). */
	updatedAt: number;
	/** Unix seconds: first publication (for "new since" alerts). */
	publishedAt: number;
}

export const PROFILE_INDEX_UID = 'profiles';
