/**
 * Builds the immutable in-memory index the embedded engine searches. Everything is typed arrays and
 * bitsets over internal document numbers (the position in `documents`), which is also the final
 * tie-break, like Meilisearch's internal document ids.
 */
import type { ProfileDocument } from '../document';
import { PROFILE_INDEX, type IndexDefinition } from '../index-definition';
import { normalizeText, tokenize } from '../text/normalize';
import { fullBitset, type Bitset } from './bitset';
import { FacetFieldBuilder, type FacetField } from './facet-field';
import { HitTexts, writableAsText } from './hit-text';
import { TextBuilder } from './text-builder';
import type { TextIndex } from './text-index';
import type { WordPositions } from './word-positions';

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
	/** Per sortable attribute: each document's place in either direction. */
	sortRanks: Map<string, SortRanks>;
	geoLat: Float64Array;
	geoLng: Float64Array;
	/** Where each word stands in each document (phrases, split words, proximity). */
	positions: WordPositions;
	/** Normalised words of a synonym key, joined by a space, to its alternatives' normalised words. */
	synonyms: Map<string, string[][]>;
	stopWords: Set<string>;
	/** Hits as JSON text, made as documents are shown; null when the attribute names rule it out. */
	hitTexts: HitTexts | null;
}

export type SortValue = number | string;

/** Meilisearch's order of sort values: numbers before strings, each ascending. */
export function compareSortValues(a: SortValue, b: SortValue): number {
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1;
	return a < b ? -1 : a > b ? 1 : 0;
}

export interface SortRanks {
	/** Per document: its place in ascending order (ties share a place), or MISSING_RANK. */
	asc: Uint32Array;
	/** Per document: its place in descending order, or MISSING_RANK. */
	desc: Uint32Array;
	/** Highest place in either order. */
	max: number;
	/** The distinct sort values in ascending order; a place is an index into it. */
	distinct: SortValue[];
	/** How many of `distinct` are numbers (they come first). */
	numericCount: number;
}

/** A document's place in descending order, from its largest numeric place or else its largest place. */
export function descendingPlace(high: number, numericCount: number, max: number): number {
	return high < numericCount ? numericCount - 1 - high : numericCount + (max - high);
}

/**
 * Meilisearch walks the sort values in order and places a document at its first value: ascending goes
 * numbers low to high, then strings A to Z; descending goes numbers high to low, then strings Z to A.
 * Numbers come first in both directions, and an array sorts by its smallest (ascending) or largest
 * (descending) value of the first type present.
 */
export function buildSortRanks(documents: readonly Record<string, unknown>[], attribute: string): SortRanks {
	// Two passes over the values where they stand, instead of an array of values per document.
	const seen = new Set<SortValue>();
	for (const doc of documents) {
		const value = doc[attribute];
		if (!Array.isArray(value)) addSortValue(seen, value);
		else for (const v of value) addSortValue(seen, v);
	}
	const distinct = [...seen].sort(compareSortValues);
	const place = new Map(distinct.map((v, i) => [v, i]));
	const numbers = distinct.findIndex((v) => typeof v !== 'number');
	const numericCount = numbers < 0 ? distinct.length : numbers;
	const max = Math.max(0, distinct.length - 1);
	const asc = new Uint32Array(documents.length).fill(MISSING_RANK);
	const desc = new Uint32Array(documents.length).fill(MISSING_RANK);
	for (let d = 0; d < documents.length; d++) {
		const value = documents[d][attribute];
		const many = Array.isArray(value);
		const count = many ? value.length : 1;
		let low = -1;
		let high = -1;
		let highNumeric = -1;
		for (let i = 0; i < count; i++) {
			const v = sortValue(many ? value[i] : value);
			if (v === undefined) continue;
			const p = place.get(v)!;
			if (low < 0 || p < low) low = p;
			if (p > high) high = p;
			if (p < numericCount && p > highNumeric) highNumeric = p;
		}
		if (low < 0) continue;
		// Numbers hold the lowest places, so the smallest place is the first value in ascending order.
		asc[d] = low;
		desc[d] = descendingPlace(highNumeric >= 0 ? highNumeric : high, numericCount, max);
	}
	return { asc, desc, max, distinct, numericCount };
}

/** What a value sorts as (strings trimmed and lower-cased, booleans as text), or undefined if ignored. */
function sortValue(v: unknown): SortValue | undefined {
	if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
	if (typeof v === 'string') return v.trim().toLowerCase();
	if (typeof v === 'boolean') return String(v);
	return undefined;
}

function addSortValue(seen: Set<SortValue>, v: unknown): void {
	const value = sortValue(v);
	if (value !== undefined) seen.add(value);
}

function newHitTexts(definition: IndexDefinition): HitTexts | null {
	const attributes = definition.displayedAttributes as readonly string[];
	return writableAsText(attributes) ? new HitTexts(attributes) : null;
}

/** Synonyms by their normalised words joined with a space, each alternative as its normalised words. */
export function buildSynonyms(definition: IndexDefinition): Map<string, string[][]> {
	const map = new Map<string, string[][]>();
	for (const [word, alternatives] of Object.entries(definition.synonyms)) {
		const key = tokenize(word).join(' ');
		if (key === '') continue;
		const known = map.get(key) ?? [];
		const seen = new Set(known.map((a) => a.join(' ')));
		for (const alternative of alternatives) {
			const words = tokenize(alternative);
			const joined = words.join(' ');
			if (words.length === 0 || joined === key || seen.has(joined)) continue;
			seen.add(joined);
			known.push(words);
		}
		map.set(key, known);
	}
	return map;
}

export function buildEmbeddedIndex(
	documents: readonly ProfileDocument[],
	definition: IndexDefinition = PROFILE_INDEX
): EmbeddedIndex {
	const builder = new EmbeddedIndexBuilder(definition, documents.length);
	builder.add(documents);
	return builder.finish();
}

/**
 * Builds an index from documents added in order, page by page: the texts (most of the work) are
 * tokenised and the facet values collected as each page arrives, so the build runs while the next
 * pages are still being read, and each document is read once.
 */
export class EmbeddedIndexBuilder {
	private readonly documents: ProfileDocument[] = [];
	private readonly text: TextBuilder;
	private readonly facets: FacetFieldBuilder[];
	private readonly stopWords: Set<string>;

	/**
	 * `expected`: how many documents will be added, if known (the previous index's size is a good guess
	 * for a rebuild): per-document arrays are then allocated once at their size.
	 */
	constructor(
		private readonly definition: IndexDefinition = PROFILE_INDEX,
		expected?: number
	) {
		this.stopWords = new Set(definition.stopWords.map((w) => normalizeText(w)));
		this.text = new TextBuilder(definition.searchableAttributes, this.stopWords, expected);
		this.facets = definition.filterableAttributes
			.filter((attribute) => attribute !== '_geo')
			.map((attribute) => new FacetFieldBuilder(attribute, expected));
	}

	add(documents: readonly ProfileDocument[]): void {
		const { facets } = this;
		for (const doc of documents) {
			this.documents.push(doc);
			const record = doc as unknown as Record<string, unknown>;
			this.text.add(record);
			for (let f = 0; f < facets.length; f++) facets[f].add(record[facets[f].attribute]);
		}
	}

	finish(): EmbeddedIndex {
		const { documents, definition, stopWords } = this;
		const { text, positions } = this.text.finish();
		const facets = new Map(this.facets.map((builder) => [builder.attribute, builder.finish()]));
		return assembleIndex(documents, definition, stopWords, text, positions, facets);
	}
}

function assembleIndex(
	documents: readonly ProfileDocument[],
	definition: IndexDefinition,
	stopWords: Set<string>,
	text: TextIndex,
	positions: WordPositions,
	facets: Map<string, FacetField>
): EmbeddedIndex {
	const docs = documents as readonly unknown[] as readonly Record<string, unknown>[];
	const size = documents.length;
	const sortRanks = new Map<string, SortRanks>();
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
		text,
		positions,
		sortRanks,
		geoLat,
		geoLng,
		synonyms: buildSynonyms(definition),
		stopWords,
		hitTexts: newHitTexts(definition)
	};
}
