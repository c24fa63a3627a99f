/**
 * The index definition as Meilisearch settings, and the difference between those and the live settings,
 * so a sync updates only what changed (a settings change can trigger a full reindex on the server).
 */
import type { Settings } from 'meilisearch';
import type { IndexDefinition } from '../index-definition';

export type ManagedSetting =
	| 'displayedAttributes'
	| 'searchableAttributes'
	| 'filterableAttributes'
	| 'sortableAttributes'
	| 'rankingRules'
	| 'synonyms'
	| 'stopWords'
	| 'typoTolerance'
	| 'pagination'
	| 'faceting'
	| 'distinctAttribute'
	| 'proximityPrecision'
	| 'separatorTokens'
	| 'nonSeparatorTokens'
	| 'dictionary'
	| 'searchCutoffMs'
	| 'facetSearch'
	| 'prefixSearch';

/**
 * Settings the definition does not vary but the embedded engine assumes: Meilisearch's own defaults
 * (one document per hit, proximity by word, its tokenizer's separators, facet search and prefix search
 * on). Pinned, so a change made by hand on the server shows as drift and is put back at the next start,
 * instead of Meilisearch quietly answering unlike the embedded engine.
 */
const ENGINE_DEFAULTS = {
	distinctAttribute: null,
	proximityPrecision: 'byWord',
	separatorTokens: [],
	nonSeparatorTokens: [],
	dictionary: [],
	searchCutoffMs: null,
	facetSearch: true,
	prefixSearch: 'indexingTime'
} as const satisfies Pick<Settings, ManagedSetting>;

export function definitionSettings(definition: IndexDefinition): Required<Pick<Settings, ManagedSetting>> {
	const { typoTolerance } = definition;
	return {
		displayedAttributes: [...definition.displayedAttributes],
		searchableAttributes: [...definition.searchableAttributes],
		filterableAttributes: [...definition.filterableAttributes],
		sortableAttributes: [...definition.sortableAttributes],
		rankingRules: [...definition.rankingRules],
		synonyms: Object.fromEntries(Object.entries(definition.synonyms).map(([k, v]) => [k, [...v]])),
		stopWords: [...definition.stopWords],
		// disableOnNumbers is left out: it is the default, and older servers reject the field.
		typoTolerance: {
			enabled: typoTolerance.enabled,
			minWordSizeForTypos: { ...typoTolerance.minWordSizeForTypos },
			disableOnAttributes: [...typoTolerance.disableOnAttributes],
			disableOnWords: [...typoTolerance.disableOnWords]
		},
		pagination: { ...definition.pagination },
		faceting: {
			maxValuesPerFacet: definition.faceting.maxValuesPerFacet,
			sortFacetValuesBy: { ...definition.faceting.sortFacetValuesBy }
		},
		...ENGINE_DEFAULTS,
		separatorTokens: [],
		nonSeparatorTokens: [],
		dictionary: []
	};
}

/** Settings whose order carries meaning; Meilisearch returns the others sorted. */
const ORDERED = new Set<ManagedSetting>(['searchableAttributes', 'rankingRules']);

function canonical(value: unknown, keepOrder: boolean): unknown {
	if (Array.isArray(value)) {
		const items = value.map((v) =>
			// Granular filterable attributes come back as objects; compare by their patterns.
			v !== null && typeof v === 'object' && 'attributePatterns' in v
				? (v as { attributePatterns: string[] }).attributePatterns.join(',')
				: canonical(v, false)
		);
		return keepOrder ? items : items.map((i) => JSON.stringify(i)).sort();
	}
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value)
				.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
				.map(([k, v]) => [k, canonical(v, false)])
		);
	}
	return value;
}

/** Keeps only the keys the wanted value defines, so server-side extras do not count as drift. */
function restrictTo(live: unknown, wanted: unknown): unknown {
	if (wanted === null || typeof wanted !== 'object' || Array.isArray(wanted)) return live;
	if (live === null || typeof live !== 'object' || Array.isArray(live)) return live;
	const liveRecord = live as Record<string, unknown>;
	return Object.fromEntries(Object.entries(wanted).map(([k, w]) => [k, restrictTo(liveRecord[k], w)]));
}

/** The part of `wanted` that differs from `live`. */
export function settingsDiff(
	live: Settings,
	wanted: ReturnType<typeof definitionSettings>
): Partial<Settings> {
	const diff: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(wanted) as [ManagedSetting, unknown][]) {
		const keepOrder = ORDERED.has(key);
		const liveValue = key === 'synonyms' ? live[key] : restrictTo(live[key], value);
		if (JSON.stringify(canonical(liveValue, keepOrder)) !== JSON.stringify(canonical(value, keepOrder))) {
			diff[key] = value;
		}
	}
	return diff as Partial<Settings>;
}
