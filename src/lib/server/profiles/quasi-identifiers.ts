import { travelStep, TRAVEL_STEPS_COARSE } from './geography';
import { educationLevels } from './reference';

/** What an outsider may already know about a candidate: where they live, schooling, licence, reach. */
export interface QuasiIdentifiers {
	ref: string;
	municipality: string;
	region: string;
	education: string;
	/** Sorted licence categories. */
	licences: string[];
	/** Already a published step (TRAVEL_STEPS). */
	travelKm: number;
}

/**
 * Generalisation levels, each including the ones before it. Order from the privacy analysis: location
 * first (most identifying, cheapest to give up for a regional search), then education detail, licence
 * categories, and travel distance.
 */
export const GENERALISATIONS = ['region', 'education-group', 'licence-any', 'travel-coarse'] as const;
export type Generalisation = (typeof GENERALISATIONS)[number];
export const MAX_LEVEL = GENERALISATIONS.length;

export interface PublishedQi {
	location: string;
	municipality: string | null;
	education: string;
	/** Categories, or [] when only `hasLicence` is published. */
	licences: string[];
	hasLicence: boolean;
	travelKm: number;
}

export function publishedQi(qi: QuasiIdentifiers, level: number): PublishedQi {
	const atRegion = level >= 1;
	return {
		location: atRegion ? qi.region : qi.municipality,
		municipality: atRegion ? null : qi.municipality,
		education: level >= 2 ? (educationLevels.get(qi.education)?.group ?? 'onbekend') : qi.education,
		licences: level >= 3 ? [] : qi.licences,
		hasLicence: qi.licences.length > 0,
		travelKm: level >= 4 ? travelStep(qi.travelKm, TRAVEL_STEPS_COARSE) : qi.travelKm
	};
}

/** The equivalence-class key: equal keys mean indistinguishable published quasi-identifiers. */
export function qiKey(p: PublishedQi): string {
	return [p.location, p.education, p.licences.join(','), p.hasLicence ? 1 : 0, p.travelKm].join('|');
}

export function generalisationsAt(level: number): Generalisation[] {
	return GENERALISATIONS.slice(0, level);
}
