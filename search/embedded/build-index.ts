/**
 * Builds the immutable in-memory index the embedded engine searches. Everything is typed arrays and
 * bitsets over internal document numbers (the position in `documents`), which is also the final
 * tie-break, like Meilisearch's internal document ids.
 */
import type { ProfileDocument } from '../document';
import { PROFILE_INDEX, type IndexDefinition } from '../index-definition';
import { normalizeText, tokenize } from '../text/normalize';
import { fullBitset, type Bitset } from './bitset';
import { buildFacetField, type FacetField } from './facet-field';
import { buildTextIndex, type TextIndex } from './text-index';

export const MISSING_RANK = 0xffffffff;

export interface EmbeddedIndex {
	definition: IndexDefinition;
	size: number;
	documents: readonly ProfileDocument[];
	all: Bitset;
	/** 0 .. size-1: the candidates of an unfiltered placeholder search. */
	allIds: Uint32Array;
	facets: Map<string, FacetField>;
	text: TextIndex;
	/** Per sortable attribute: rank of each document in ascending order (ties share a rank). */
	sortRanks: Map<string, Uint32Array>;
	/** Highest rank per sortable attribute, to pack ranks into composite keys. */
	sortMaxRank: Map<string, number>;
	geoLat: Float64Array;
	geoLng: Float64Array;
	/** Normalised word to its normalised single-word synonyms. */
	synonyms: Map<string, string[]>;
	stopWords: Set<string>;
}

function sortKey(value: unknown): number | string | undefined {
	const first = Array.isArray(value) ? value.find((v) => v !== null && v !== undefined) : value;
	if (typeof first === 'number' && Number.isFinite(first)) return first;
	if (typeof first === 'string') return first.trim().toLowerCase();
	if (typeof first === 'boolean') return String(first);
	return undefined;
}

function buildSortRanks(documents: readonly Record<string, unknown>[], attribute: string): Uint32Array {
	const keys = documents.map((d) => sortKey(d[attribute]));
	const order = [...keys.keys()].filter((d) => keys[d] !== undefined);
	// Meilisearch sorts numbers before strings in ascending order.
	const compare = (a: number, b: number): number => {
		const ka = keys[a] as number | string;
		const kb = keys[b] as number | string;
		if (typeof ka === 'number' && typeof kb === 'number') return ka - kb;
		if (typeof ka !== typeof kb) return typeof ka === 'number' ? -1 : 1;
		return ka < kb ? -1 : ka > kb ? 1 : 0;
	};
	order.sort(compare);
	const ranks = new Uint32Array(documents.length).fill(MISSING_RANK);
	let rank = 0;
	for (let i = 0; i < order.length; i++) {
		if (i > 0 && compare(order[i - 1], order[i]) !== 0) rank++;
		ranks[order[i]] = rank;
	}
	return ranks;
}

function buildSynonyms(definition: IndexDefinition): Map<string, string[]> {
	const map = new Map<string, string[]>();
	for (const [word, alternatives] of Object.entries(definition.synonyms)) {
		const key = tokenize(word);
		if (key.length !== 1) continue;
		const singles = alternatives
			.map((a) => tokenize(a))
			.filter((t) => t.length === 1)
			.map((t) => t[0]);
		map.set(
			key[0],
			[...new Set([...(map.get(key[0]) ?? []), ...singles])].filter((s) => s !== key[0])
		);
	}
	return map;
}

export function buildEmbeddedIndex(
	documents: readonly ProfileDocument[],
	definition: IndexDefinition = PROFILE_INDEX
): EmbeddedIndex {
	const docs = documents as readonly unknown[] as readonly Record<string, unknown>[];
	const size = documents.length;
	const stopWords = new Set(definition.stopWords.map((w) => normalizeText(w)));
	const facets = new Map<string, FacetField>();
	for (const attribute of definition.filterableAttributes) {
		if (attribute !== '_geo') facets.set(attribute, buildFacetField(attribute, docs));
	}
	const sortRanks = new Map<string, Uint32Array>();
	for (const attribute of definition.sortableAttributes) {
		if (attribute !== '_geo') sortRanks.set(attribute, buildSortRanks(docs, attribute));
	}
	const geoLat = new Float64Array(size).fill(Number.NaN);
	const geoLng = new Float64Array(size).fill(Number.NaN);
	for (let d = 0; d < size; d++) {
		const geo = documents[d]._geo as { lat?: unknown; lng?: unknown } | undefined;
		if (geo && typeof geo.lat === 'number' && typeof geo.lng === 'number') {
			geoLat[d] = geo.lat;
			geoLng[d] = geo.lng;
		}
	}
	return {
		definition,
		size,
		documents,
		all: fullBitset(size),
		allIds: Uint32Array.from(documents.keys()),
		facets,
		text: buildTextIndex(docs, definition.searchableAttributes, stopWords),
		sortRanks,
		sortMaxRank: new Map(
			[...sortRanks].map(([attribute, ranks]) => [
				attribute,
				ranks.reduce((max, r) => (r !== MISSING_RANK && r > max ? r : max), 0)
			])
		),
		geoLat,
		geoLng,
		synonyms: buildSynonyms(definition),
		stopWords
	};
}
