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
 * Dutch job vocabulary employers use interchangeably. Every word (or phrase) of a group finds the others;
 * `alsoFinds` are broader words the group finds one way (a "heftruckchauffeur" is found among logistics
 * profiles, but not every logistics profile is a forklift driver). Meilisearch applies synonyms one level
 * deep, so every broader word is listed on the group itself rather than chained through another group.
 * Phrases ("vakken vullen") match only as adjacent words.
 */
export interface SynonymGroup {
	readonly words: readonly string[];
	readonly alsoFinds?: readonly string[];
}

export const SYNONYM_GROUPS: readonly SynonymGroup[] = [
	{
		words: [
			'schoonmaak',
			'schoonmaken',
			'schoonmaker',
			'schoonmaakster',
			'schoonmaakwerk',
			'poetsen',
			'reinigen'
		]
	},
	{
		words: ['heftruck', 'vorkheftruck', 'heftruckchauffeur', 'heftruckbestuurder', 'heftruckrijder'],
		alsoFinds: ['logistiek', 'magazijn']
	},
	{
		words: ['magazijn', 'logistiek', 'orderpicken', 'orderpicker', 'magazijnmedewerker', 'magazijnwerk']
	},
	{ words: ['kok', 'keuken', 'koken', 'keukenhulp', 'keukenmedewerker', 'afwassen', 'afwasser'] },
	{ words: ['horeca', 'bediening', 'catering', 'restaurant'], alsoFinds: ['keuken', 'kok'] },
	{ words: ['winkel', 'detailhandel', 'retail', 'winkelmedewerker', 'verkoop', 'verkoper'] },
	{ words: ['vakken vullen', 'vakkenvullen', 'vakkenvuller'], alsoFinds: ['winkel', 'detailhandel'] },
	{ words: ['kassa', 'kassawerk', 'caissière', 'kassamedewerker'] },
	{
		words: ['tuin', 'groen', 'hovenier', 'tuinieren', 'tuinman', 'groenvoorziening', 'groenonderhoud']
	},
	{ words: ['dieren', 'dier', 'dierenverzorging', 'dierenverzorger', 'dierverzorger'] },
	// Not "verzorgen": the task list's only use of it is "Dieren verzorgen".
	{ words: ['zorg', 'verzorging', 'verzorgende', 'zorgmedewerker', 'welzijn'] },
	{ words: ['kinderopvang', 'kinderdagverblijf', 'peuterspeelzaal', 'bso'] },
	{ words: ['ict', 'computer', 'computers', 'automatisering'] },
	{ words: ['chauffeur', 'bezorgen', 'bezorger', 'koerier', 'rijden'] },
	{ words: ['administratief', 'administratie', 'kantoor', 'administratiemedewerker'] },
	{ words: ['data invoer', 'gegevens invoeren', 'invoeren'] },
	{ words: ['receptie', 'receptionist', 'receptioniste', 'telefoniste'] },
	{ words: ['productie', 'fabriek', 'productiemedewerker', 'inpakken', 'inpakker'] },
	{ words: ['bouw', 'bouwplaats', 'bouwvakker'] },
	{ words: ['techniek', 'technisch', 'monteur', 'montage', 'installatie'] },
	{ words: ['klussen', 'klusjesman', 'klusser', 'huismeester', 'conciërge'] },
	{ words: ['wassen', 'strijken', 'wasserij'] },
	{ words: ['beveiliging', 'beveiliger', 'bewaking'] },
	// Day parts are published as codes (`za-ochtend`); these words find the codes.
	{ words: ['weekend'], alsoFinds: ['za', 'zo', 'zaterdag', 'zondag'] },
	{ words: ['zaterdag'], alsoFinds: ['za'] },
	{ words: ['zondag'], alsoFinds: ['zo'] }
];

/** Meilisearch wants a one-way map: a group becomes mutual entries plus its one-way broader words. */
export function synonymsFromGroups(groups: readonly SynonymGroup[]): Record<string, string[]> {
	const map: Record<string, string[]> = {};
	for (const group of groups) {
		for (const word of group.words) {
			const others = [...group.words.filter((w) => w !== word), ...(group.alsoFinds ?? [])];
			map[word] = [...new Set([...(map[word] ?? []), ...others])];
		}
	}
	return map;
}

/**
 * Words that do not tell profiles apart: common Dutch function words, and the filler of a job search
 * ("iets met dieren", "medewerker schoonmaak", "kandidaat voor de zorg"). Ignored in queries and not
 * indexed; a word still being typed is kept, since it may be the start of a real word ("wer" → "werkplaats").
 */
export const DUTCH_STOP_WORDS: readonly string[] = [
	'aan',
	'al',
	'als',
	'bij',
	'dat',
	'de',
	'deze',
	'die',
	'dit',
	'door',
	'een',
	'en',
	'er',
	'graag',
	'heeft',
	'het',
	'iemand',
	'iets',
	'in',
	'is',
	'je',
	'kan',
	'kandidaat',
	'kandidaten',
	'maar',
	'mee',
	'medewerker',
	'medewerkster',
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
	'voor',
	'wat',
	'werk',
	'werken',
	'wil',
	'zoek',
	'zoekt',
	'zoeken'
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
		'summary',
		// Codes like `za-ochtend`: "zorg weekend" finds carers available on Saturday or Sunday.
		'dayParts'
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
	// Every count an employer sees is exact: far above any published set (the whole target-group register
	// holds a few hundred thousand people). How deep anyone may page is capped separately, in validation.
	pagination: { maxTotalHits: 1_000_000 },
	// 342 municipalities must all fit in one facet list.
	faceting: { maxValuesPerFacet: 400, sortFacetValuesBy: { '*': 'alpha' } },
	publicMatchingStrategy: 'all'
};

/** Facets that `facets: ["*"]` expands to: `_geo` has no distribution. */
export function facetableAttributes(definition: IndexDefinition): string[] {
	return definition.filterableAttributes.filter((a) => a !== '_geo');
}
