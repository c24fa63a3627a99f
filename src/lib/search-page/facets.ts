import lists from '$lib/reference/lists.json';
import places from '$lib/reference/places.json';
import { MOTORISED } from '$lib/reference/published-values';

/**
 * The refinement lists of the search page: which document attribute, which URL parameter, the Dutch
 * label, and how a facet value (a code) reads in Dutch. Shared by the server render and the browser.
 */
export interface FacetConfig {
	attribute: string;
	param: string;
	label: string;
	/** Show at most this many values before "meer tonen". */
	limit: number;
	/** Order of values when not by count: the reference list's own order. */
	order?: string[];
}

const byCode = (items: { code: string; label: string }[]) =>
	new Map(items.map((item) => [item.code, item.label]));

const labelMaps: Record<string, Map<string, string>> = {
	region: new Map(places.regions.map((r) => [r.code, r.name])),
	municipality: new Map(places.municipalities.map((m) => [m.code, m.name])),
	sectors: byCode(lists.sectors),
	experience: byCode(lists.sectors),
	taskTypes: new Map(lists.taskTypes.map((t) => [t.slug, t.label])),
	taskTypesIndependent: new Map(lists.taskTypes.map((t) => [t.slug, t.label])),
	educationLevel: new Map([
		...lists.educationLevels.map((e) => [e.code, e.label] as const),
		...lists.educationGroups.map((g) => [g.code, g.label] as const)
	]),
	affinities: byCode(lists.affinities),
	competences: byCode(lists.competences),
	driversLicence: byCode(lists.driversLicences),
	transport: new Map([...byCode(lists.transport), [MOTORISED.code, MOTORISED.label]])
};

export function facetValueLabel(attribute: string, value: string): string {
	return labelMaps[attribute]?.get(value) ?? value;
}

export const FACETS: FacetConfig[] = [
	{ attribute: 'sectors', param: 'sector', label: 'Sector', limit: 15 },
	{ attribute: 'taskTypes', param: 'taak', label: 'Soort werk', limit: 8 },
	{ attribute: 'region', param: 'regio', label: 'Arbeidsmarktregio', limit: 8 },
	{ attribute: 'municipality', param: 'gemeente', label: 'Gemeente', limit: 8 },
	{
		attribute: 'educationLevel',
		param: 'opleiding',
		label: 'Opleidingsniveau',
		limit: 17,
		order: [...lists.educationLevels.map((e) => e.code), ...lists.educationGroups.map((g) => g.code)]
	},
	{ attribute: 'affinities', param: 'affiniteit', label: 'Werkt graag', limit: 8 },
	{
		attribute: 'driversLicence',
		param: 'rijbewijs',
		label: 'Rijbewijs',
		limit: 7,
		order: lists.driversLicences.map((d) => d.code)
	},
	{
		attribute: 'transport',
		param: 'vervoer',
		label: 'Vervoer',
		limit: 5,
		order: [...lists.transport.map((t) => t.code), MOTORISED.code]
	}
];

export const FACET_ATTRIBUTES = FACETS.map((f) => f.attribute);

export const HITS_PER_PAGE = 20;

/** Municipality and region names for the "kan mijn werkplek bereiken" field. */
export const PLACES = places;
