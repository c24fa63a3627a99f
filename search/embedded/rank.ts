/**
 * Orders candidates by the index's ranking rules. Every rule becomes a small integer key (smaller is
 * better); the keys and the document order (the final tie-break) pack into one number per candidate, so
 * finding the requested page is a top-k selection, not a sort. Distances sort at metre precision.
 */
import { EARTH_RADIUS_M, haversineMeters } from '../geo';
import type { SortCriterion } from '../sort';
import { MISSING_RANK, type EmbeddedIndex } from './build-index';
import { proximityOfAll, proximityPlanOf, type TextMatches } from './match-text';
import { proximityCost } from './word-order';
import { smallestKeys, smallestKeysBounded } from './select-top';

export interface Ranked {
	/** Internal document numbers of the requested window, in order. */
	docs: number[];
	/** Metres from the `_geoPoint` of the sort, parallel to docs, when sorting by distance. */
	geoDistances: number[] | null;
}

/** Beyond any distance on Earth, in metres: where documents without `_geo` go. */
const NO_DISTANCE = 20_100_000;

// One document-sized key buffer per index, reused by every search: searches run one at a time.
const packedByIndex = new WeakMap<EmbeddedIndex, Float64Array>();

function packedFor(index: EmbeddedIndex): Float64Array {
	let packed = packedByIndex.get(index);
	if (!packed) {
		packed = new Float64Array(index.size);
		packedByIndex.set(index, packed);
	}
	return packed;
}

/**
 * Replaces keys[0 .. n) by their rank among the distinct keys, which keeps their order; returns how
 * many distinct keys there are. Only for rankings whose packed key would not fit a double.
 */
export function denseRanks(keys: Float64Array, n: number): number {
	const sorted = keys.slice(0, n).sort();
	let distinct = 0;
	for (let i = 0; i < n; i++)
		if (i === 0 || sorted[i] !== sorted[distinct - 1]) sorted[distinct++] = sorted[i];
	for (let i = 0; i < n; i++) {
		let lo = 0;
		let hi = distinct - 1;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (sorted[mid] < keys[i]) lo = mid + 1;
			else hi = mid;
		}
		keys[i] = lo;
	}
	return distinct;
}

/** key = key * bound + value, for one rule over all candidates; each loop stays monomorphic. */
function packInverted(packed: Float64Array, n: number, values: Uint8Array, terms: number): void {
	const bound = terms + 1;
	for (let i = 0; i < n; i++) packed[i] = packed[i] * bound + (terms - values[i]);
}

function packValues(packed: Float64Array, n: number, values: Uint16Array, bound: number): void {
	for (let i = 0; i < n; i++) packed[i] = packed[i] * bound + values[i];
}

function packField(
	index: EmbeddedIndex,
	packed: Float64Array,
	candidates: ArrayLike<number>,
	criterion: Extract<SortCriterion, { kind: 'field' }>
): number {
	const ranks = index.sortRanks.get(criterion.attribute);
	const max = ranks?.max ?? 0;
	const bound = max + 2;
	const places = ranks ? (criterion.direction === 'asc' ? ranks.asc : ranks.desc) : null;
	for (let i = 0; i < candidates.length; i++) {
		const place = places ? places[candidates[i]] : MISSING_RANK;
		// Documents without a value come last in both directions, as in Meilisearch.
		packed[i] = packed[i] * bound + (place === MISSING_RANK ? max + 1 : place);
	}
	return bound;
}

function distanceOf(index: EmbeddedIndex, d: number, lat: number, lng: number): number {
	const docLat = index.geoLat[d];
	return Number.isNaN(docLat) ? NO_DISTANCE : haversineMeters(lat, lng, docLat, index.geoLng[d]);
}

function packGeo(
	index: EmbeddedIndex,
	packed: Float64Array,
	candidates: ArrayLike<number>,
	criterion: Extract<SortCriterion, { kind: 'geo' }>
): number {
	const bound = NO_DISTANCE + 2;
	const descending = criterion.direction !== 'asc';
	for (let i = 0; i < candidates.length; i++) {
		const metres = Math.min(
			Math.round(distanceOf(index, candidates[i], criterion.lat, criterion.lng)),
			NO_DISTANCE
		);
		const value = metres === NO_DISTANCE ? NO_DISTANCE + 1 : descending ? NO_DISTANCE - metres : metres;
		packed[i] = packed[i] * bound + value;
	}
	return bound;
}

/** Above this many distinct keys of the rules before proximity, every candidate's cost is computed. */
const MAX_COUNTED_KEYS = 1 << 16;

/**
 * Packs the proximity rule. Its cost reads each document's words, so it is computed only for the
 * candidates whose key of the rules before it (`packed`, below `keys`) is among the `end` best: any
 * other candidate ranks after `end` of them whatever its proximity, and gets the worst cost.
 */
function packProximity(
	index: EmbeddedIndex,
	packed: Float64Array,
	text: TextMatches,
	keys: number,
	end: number,
	bound: number
): void {
	const n = text.docs.length;
	let threshold = Infinity;
	if (keys <= MAX_COUNTED_KEYS && end < n) {
		const counts = new Uint32Array(keys);
		for (let i = 0; i < n; i++) counts[packed[i]]++;
		let seen = 0;
		for (threshold = 0; threshold < keys; threshold++) {
			seen += counts[threshold];
			if (seen >= end) break;
		}
		if (seen === n) threshold = Infinity;
	}
	if (threshold === Infinity) {
		packValues(packed, n, proximityOfAll(index, text), bound);
		return;
	}
	const plan = proximityPlanOf(index, text.query);
	const { docs, words } = text;
	for (let i = 0; i < n; i++) {
		const cost = packed[i] <= threshold ? proximityCost(index, docs[i], plan, words[i]) : bound - 1;
		packed[i] = packed[i] * bound + cost;
	}
}

/** How many values one text rule's key takes for a query of `terms` terms. */
function textRuleBound(index: EmbeddedIndex, rule: string, terms: number): number {
	if (rule === 'words' || rule === 'exactness') return terms + 1;
	if (rule === 'typo') return 2 * terms + 1;
	if (rule === 'proximity') return 8 * Math.max(0, terms - 1) + 1;
	if (rule === 'attribute') return terms * index.definition.searchableAttributes.length + 1;
	return 1;
}

/**
 * The key of the text rules alone (smaller is better; no sort criteria, no tie-break) of a one-term
 * match, packed as rankWindow packs them, by its typos, attribute and exactness: entry
 * `(typos × attributes + attribute) × 2 + exact`. One-word answers keep it to order their matches,
 * and to place documents added later without ranking again. It fits 16 bits: one term's rules take
 * 2 × 3 × 1 × (attributes + 1) × 2 values.
 */
export function oneTermKeyTable(index: EmbeddedIndex): { table: Uint16Array; attributes: number } {
	const attributes = index.definition.searchableAttributes.length;
	const table = new Uint16Array(3 * attributes * 2);
	for (let typos = 0; typos < 3; typos++) {
		for (let attribute = 0; attribute < attributes; attribute++) {
			for (let exact = 0; exact < 2; exact++) {
				let key = 0;
				for (const rule of index.definition.rankingRules) {
					const bound = textRuleBound(index, rule, 1);
					if (rule === 'words') key = key * bound;
					else if (rule === 'typo') key = key * bound + typos;
					else if (rule === 'proximity') key = key * bound;
					else if (rule === 'attribute') key = key * bound + attribute;
					else if (rule === 'exactness') key = key * bound + (1 - exact);
				}
				table[(typos * attributes + attribute) * 2 + exact] = key;
			}
		}
	}
	return { table, attributes };
}

/**
 * How a text-rule key (`oneTermKeyTable`) splits around the sort rule: key = before × after + its part
 * after; `span` is what ranking `candidates` of them with `criteria` takes in all (see rankWindow).
 */
export function sortSplit(
	index: EmbeddedIndex,
	terms: number,
	criteria: readonly SortCriterion[],
	candidates: number
): { after: number; span: number } {
	let after = 1;
	let span = Math.max(1, candidates);
	let sorted = false;
	for (const rule of index.definition.rankingRules) {
		if (rule === 'sort') {
			sorted = true;
			for (const criterion of criteria) {
				span *=
					criterion.kind === 'field'
						? (index.sortRanks.get(criterion.attribute)?.max ?? 0) + 2
						: NO_DISTANCE + 2;
			}
			continue;
		}
		const bound = textRuleBound(index, rule, terms);
		span *= bound;
		if (sorted) after *= bound;
	}
	return { after, span };
}

/**
 * The first `k` of documents that tie on every text rule before the sort rule, by the sort criteria,
 * then the text rules after it (`after` values below `afterBound`), then the document order, as
 * rankWindow orders them. `docs` must be ascending.
 */
export function rankTied(
	index: EmbeddedIndex,
	docs: ArrayLike<number>,
	after: ArrayLike<number>,
	afterBound: number,
	criteria: readonly SortCriterion[],
	k: number
): number[] {
	const n = docs.length;
	const [first] = criteria;
	if (criteria.length === 1 && first.kind === 'geo' && first.direction === 'asc') {
		return nearestTied(index, docs, after, afterBound, first, k);
	}
	const packed = packedFor(index);
	packed.fill(0, 0, n);
	for (const criterion of criteria) {
		if (criterion.kind === 'field') packField(index, packed, docs, criterion);
		else packGeo(index, packed, docs, criterion);
	}
	for (let i = 0; i < n; i++) packed[i] = (packed[i] * afterBound + after[i]) * n + i;
	return smallestKeys(packed, n, k).map((i) => docs[i]);
}

/**
 * rankTied by distance alone, nearest first (the search page's distance sort), with the keys packGeo
 * gives. A document's distance is at least the distance between the two latitudes, which costs one
 * subtraction, so the great-circle distance is computed only for documents that could still reach
 * the first `k`.
 */
function nearestTied(
	index: EmbeddedIndex,
	docs: ArrayLike<number>,
	after: ArrayLike<number>,
	afterBound: number,
	criterion: Extract<SortCriterion, { kind: 'geo' }>,
	k: number
): number[] {
	const n = docs.length;
	const { geoLat } = index;
	const { lat, lng } = criterion;
	const scale = afterBound * n;
	const metresPerDegree = (EARTH_RADIUS_M * Math.PI) / 180;
	const key = (i: number): number => {
		const metres = Math.min(Math.round(distanceOf(index, docs[i], lat, lng)), NO_DISTANCE);
		const value = metres === NO_DISTANCE ? NO_DISTANCE + 1 : metres;
		return (value * afterBound + after[i]) * n + i;
	};
	const bound = (i: number): number => {
		const docLat = geoLat[docs[i]];
		if (Number.isNaN(docLat)) return (NO_DISTANCE + 1) * scale;
		// A metre below the meridian distance, against rounding: never above the key.
		return Math.max(0, Math.floor(Math.abs(docLat - lat) * metresPerDegree) - 1) * scale;
	};
	return smallestKeysBounded(n, k, key, bound).map((i) => docs[i]);
}

/** Metres from the `_geoPoint` of the sort to each document, when sorting by distance. */
export function geoDistancesOf(
	index: EmbeddedIndex,
	docs: readonly number[],
	criteria: readonly SortCriterion[]
): number[] | null {
	const geo = criteria.find((c) => c.kind === 'geo');
	return geo ? docs.map((d) => Math.round(distanceOf(index, d, geo.lat, geo.lng))) : null;
}

/**
 * The best candidates from `offset` to `offset + limit`. Candidates are in document order; `text` is
 * null for a placeholder search.
 */
export function rankWindow(
	index: EmbeddedIndex,
	candidates: ArrayLike<number>,
	text: TextMatches | null,
	terms: number,
	criteria: readonly SortCriterion[],
	offset: number,
	limit: number
): Ranked {
	const end = Math.min(offset + limit, candidates.length);
	const geoCriterion = criteria.find((c) => c.kind === 'geo');
	// Facets-only queries (hitsPerPage 0) ask for no hits: nothing to rank.
	if (end <= offset) return { docs: [], geoDistances: geoCriterion ? [] : null };
	if (text === null && criteria.length === 0) {
		const docs: number[] = [];
		for (let i = offset; i < end; i++) docs.push(candidates[i]);
		return { docs, geoDistances: null };
	}
	const n = candidates.length;
	const packed = packedFor(index);
	packed.fill(0, 0, n);
	// How many values the key of the rules so far can take. Before a rule would take it past what a
	// double holds exactly, the keys are replaced by their ranks (the same order, at most n values).
	let keys = 1;
	const room = (bound: number) => {
		if (keys * bound >= Number.MAX_SAFE_INTEGER) keys = denseRanks(packed, n);
		keys *= bound;
	};
	for (const rule of index.definition.rankingRules) {
		if (rule === 'sort') {
			for (const criterion of criteria) {
				if (criterion.kind === 'field') {
					room((index.sortRanks.get(criterion.attribute)?.max ?? 0) + 2);
					packField(index, packed, candidates, criterion);
				} else {
					room(NO_DISTANCE + 2);
					packGeo(index, packed, candidates, criterion);
				}
			}
			continue;
		}
		if (text === null) continue;
		const bound = textRuleBound(index, rule, terms);
		if (rule === 'words') {
			room(bound);
			packInverted(packed, n, text.words, terms);
		} else if (rule === 'typo') {
			room(bound);
			packValues(packed, n, text.typos, bound);
		} else if (rule === 'proximity') {
			// Each pair of neighbouring terms costs 0..8 (see word-order.ts).
			room(bound);
			if (text.proximity !== null) packValues(packed, n, text.proximity, bound);
			else packProximity(index, packed, text, keys / bound, end, bound);
		} else if (rule === 'attribute') {
			room(bound);
			packValues(packed, n, text.attributes, bound);
		} else if (rule === 'exactness') {
			room(bound);
			packInverted(packed, n, text.exact, terms);
		}
	}
	// The candidate's position breaks the last ties: keys × n must stay exact too.
	if (keys * n >= Number.MAX_SAFE_INTEGER) denseRanks(packed, n);
	for (let i = 0; i < n; i++) packed[i] = packed[i] * n + i;
	const top = smallestKeys(packed, n, end).slice(offset);
	const docs = top.map((i) => candidates[i]);
	// Only the page's distances are needed: recomputed rather than kept for every candidate.
	return { docs, geoDistances: geoDistancesOf(index, docs, criteria) };
}
