/**
 * The one definition of the `profiles` index. Both engines read it: the Meilisearch adapter syncs it to
 * the server, the embedded engine interprets it, and request validation checks attributes against it.
 */
import { PROFILE_INDEX_UID, type ProfileDocument } from './document';

export type ProfileAttribute = keyof ProfileDocument & string;
export type FacetOrder = 'alpha' | 'count';
export type RankingRule = 'words' | 'typo' | 'proximity' | 'attribute' | 'sort' | 'exactness';
export type MatchingStrategy = 'last' | 'all';

export interface IndexDefinition {
	readonly uid: string;
	readonly primaryKey: ProfileAttribute;
	readonly displayedAttributes: readonly ProfileAttribute[];
	/** Ranking order: a match in an earlier attribute ranks higher. */
	readonly searchableAttributes: readonly ProfileAttribute[];
	readonly filterableAttributes: readonly ProfileAttribute[];
	readonly sortableAttributes: readonly ProfileAttribute[];
	readonly rankingRules: readonly RankingRule[];
	readonly synonyms: Readonly<Record<string, readonly string[]>>;
	readonly stopWords: readonly string[];
	readonly typoTolerance: {
		readonly enabled: boolean;
		readonly minWordSizeForTypos: { readonly oneTypo: number; readonly twoTypos: number };
		readonly disableOnAttributes: readonly ProfileAttribute[];
		readonly disableOnWords: readonly string[];
		readonly disableOnNumbers: boolean;
	};
	readonly pagination: { readonly maxTotalHits: number };
	readonly faceting: {
		readonly maxValuesPerFacet: number;
		readonly sortFacetValuesBy: Readonly<Record<string, FacetOrder>>;
	};
	/** Meilisearch's default for facet-search results. */
	readonly maxFacetHits: number;
	/**
	 * Not an index setting: what our public endpoint puts in a request that names none. Employers expect
	 * every word they type to count; Meilisearch's own default (`last`) would pad results with profiles
	 * matching only the first words.
	 */
	readonly publicMatchingStrategy: MatchingStrategy;
}

// Written as a record so the compiler fails when document.ts gains a field nobody decided to display.
const displayed: Record<ProfileAttribute, true> = {
	id: true,
	title: true,
	summary: true,
	region: true,
	regionName: true,
	municipality: true,
	municipalityName: true,
	educationLevel: true,
	educationLabel: true,
	sectors: true,
	sectorLabels: true,
	taskTypes: true,
	taskTypesIndependent: true,
	taskTypeLabels: true,
	affinities: true,
	affinityLabels: true,
	competences: true,
	competenceLabels: true,
	experience: true,
	hoursPerWeek: true,
	hoursMin: true,
	hoursMax: true,
	hoursBand: true,
	dayParts: true,
	availability: true,
	travelDistanceKm: true,
	reachableMunicipalities: true,
	transport: true,
	driversLicence: true,
	hasDriversLicence: true,
	_geo: true,
	updatedAt: true,
	updatedPeriod: true,
	publishedAt: true
};

/**
 * Groups of Dutch words employers use interchangeably; every word of a group finds the others. Single
 * words only: the embedded engine expands synonyms per query word.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
	['schoonmaak', 'schoonmaken', 'schoonmaker', 'poetsen'],
	['magazijn', 'logistiek', 'orderpicken', 'orderpicker'],
	['kok', 'keuken', 'koken'],
	['winkel', 'detailhandel', 'retail'],
	['tuin', 'groen', 'hovenier', 'tuinieren', 'groenvoorziening'],
	['zorg', 'verzorging', 'verzorgen'],
	['ict', 'computer', 'automatisering'],
	['chauffeur', 'bezorgen', 'bezorger', 'rijden'],
	['administratief', 'administratie', 'kantoor'],
	['horeca', 'bediening', 'catering'],
	['kassa', 'kassawerk', 'caissiere'],
	['productie', 'fabriek', 'inpakken'],
	['bouw', 'bouwplaats'],
	['techniek', 'technisch', 'monteur']
];

/** Meilisearch wants a one-way map; a group becomes mutual entries. */
export function synonymsFromGroups(groups: readonly (readonly string[])[]): Record<string, string[]> {
	const map: Record<string, string[]> = {};
	for (const group of groups) {
		for (const word of group) {
			const others = group.filter((w) => w !== word);
			map[word] = [...new Set([...(map[word] ?? []), ...others])];
		}
	}
	return map;
}

/** Words too common in Dutch to tell profiles apart; ignored in queries (and not indexed). */
export const DUTCH_STOP_WORDS: readonly string[] = [
	'aan',
	'als',
	'bij',
	'dat',
	'de',
	'die',
	'door',
	'een',
	'en',
	'er',
	'het',
	'in',
	'is',
	'maar',
	'met',
	'naar',
	'of',
	'om',
	'ook',
	'op',
	'over',
	'te',
	'tot',
	'uit',
	'van',
	'voor'
];

export const PROFILE_INDEX: IndexDefinition = {
	uid: PROFILE_INDEX_UID,
	primaryKey: 'id',
	displayedAttributes: Object.keys(displayed) as ProfileAttribute[],
	// Curated labels outrank free text: a word in the summary is often incidental ("geen ervaring in zorg").
	searchableAttributes: [
		'title',
		'sectorLabels',
		'taskTypeLabels',
		'competenceLabels',
		'affinityLabels',
		'municipalityName',
		'regionName',
		'educationLabel',
		'summary'
	],
	filterableAttributes: [
		'region',
		'municipality',
		'educationLevel',
		'sectors',
		'taskTypes',
		'taskTypesIndependent',
		'affinities',
		'competences',
		'experience',
		'hoursPerWeek',
		'hoursMin',
		'hoursMax',
		'hoursBand',
		'dayParts',
		'availability',
		'travelDistanceKm',
		'reachableMunicipalities',
		'transport',
		'driversLicence',
		'hasDriversLicence',
		'updatedAt',
		'publishedAt',
		'_geo'
	],
	sortableAttributes: ['updatedAt', 'publishedAt', '_geo', 'hoursMax'],
	rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
	synonyms: synonymsFromGroups(SYNONYM_GROUPS),
	stopWords: DUTCH_STOP_WORDS,
	typoTolerance: {
		enabled: true,
		minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
		disableOnAttributes: [],
		disableOnWords: [],
		disableOnNumbers: false
	},
	pagination: { maxTotalHits: 1000 },
	// 342 municipalities must all fit in one facet list.
	faceting: { maxValuesPerFacet: 400, sortFacetValuesBy: { '*': 'alpha' } },
	maxFacetHits: 100,
	publicMatchingStrategy: 'all'
};

/** Facets that `facets: ["*"]` expands to: `_geo` has no distribution. */
export function facetableAttributes(definition: IndexDefinition): string[] {
	return definition.filterableAttributes.filter((a) => a !== '_geo');
}
