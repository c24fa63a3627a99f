/**
 * Orders candidates by the index's ranking rules. Every rule becomes a small integer key (smaller is
 * better); the keys and the document order (the final tie-break) pack into one number per candidate, so
 * finding the requested page is a quickselect, not a sort. `proximity` is not implemented (it needs word
 * positions): it never separates two candidates. Distances sort at metre precision.
 */
import { haversineMeters } from '../geo';
import type { SortCriterion } from '../sort';
import { MISSING_RANK, type EmbeddedIndex } from './build-index';
import type { TextMatches } from './match-text';
import { smallestKeys } from './select-top';

export interface Ranked {
	/** Internal document numbers of the requested window, in order. */
	docs: number[];
	/** Metres from the `_geoPoint` of the sort, parallel to docs, when sorting by distance. */
	geoDistances: number[] | null;
}

/** Beyond any distance on Earth, in metres: where documents without `_geo` go. */
const NO_DISTANCE = 20_100_000;

interface RuleKey {
	values: ArrayLike<number>;
	/** Exclusive upper bound of the values. */
	bound: number;
}

function sortRuleKeys(index: EmbeddedIndex, docs: ArrayLike<number>, criteria: readonly SortCriterion[]) {
	const keys: RuleKey[] = [];
	let geo: Float64Array | null = null;
	for (const criterion of criteria) {
		const values = new Float64Array(docs.length);
		if (criterion.kind === 'field') {
			const ranks = index.sortRanks.get(criterion.attribute);
			const max = index.sortMaxRank.get(criterion.attribute) ?? 0;
			for (let i = 0; i < docs.length; i++) {
				const rank = ranks ? ranks[docs[i]] : MISSING_RANK;
				// Documents without a value come last in both directions, as in Meilisearch.
				values[i] = rank === MISSING_RANK ? max + 1 : criterion.direction === 'asc' ? rank : max - rank;
			}
			keys.push({ values, bound: max + 2 });
		} else {
			const distances = new Float64Array(docs.length);
			for (let i = 0; i < docs.length; i++) {
				const lat = index.geoLat[docs[i]];
				const d = Number.isNaN(lat)
					? NO_DISTANCE
					: haversineMeters(criterion.lat, criterion.lng, lat, index.geoLng[docs[i]]);
				distances[i] = d;
				const metres = Math.min(Math.round(d), NO_DISTANCE);
				values[i] =
					metres === NO_DISTANCE
						? NO_DISTANCE + 1
						: criterion.direction === 'asc'
							? metres
							: NO_DISTANCE - metres;
			}
			keys.push({ values, bound: NO_DISTANCE + 2 });
			geo ??= distances;
		}
	}
	return { keys, geo };
}

/** Appends one rule to the packed keys: key = key * bound + value, in a monomorphic loop per array type. */
function pack(packed: Float64Array, rule: RuleKey): void {
	const { values, bound } = rule;
	for (let i = 0; i < packed.length; i++) packed[i] = packed[i] * bound + values[i];
}

function textRuleKeys(index: EmbeddedIndex, text: TextMatches, terms: number): Map<string, RuleKey> {
	const invert = (values: Uint8Array): Uint8Array => {
		const out = new Uint8Array(values.length);
		for (let i = 0; i < values.length; i++) out[i] = terms - values[i];
		return out;
	};
	return new Map<string, RuleKey>([
		['words', { values: invert(text.words), bound: terms + 1 }],
		['typo', { values: text.typos, bound: 2 * terms + 1 }],
		[
			'attribute',
			{ values: text.attributes, bound: terms * index.definition.searchableAttributes.length + 1 }
		],
		['exactness', { values: invert(text.exact), bound: terms + 1 }]
	]);
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
	if (text === null && criteria.length === 0) {
		const docs: number[] = [];
		for (let i = offset; i < end; i++) docs.push(candidates[i]);
		return { docs, geoDistances: null };
	}
	const sortKeys = sortRuleKeys(index, candidates, criteria);
	const textKeys = text ? textRuleKeys(index, text, terms) : null;
	const rules: RuleKey[] = [];
	for (const rule of index.definition.rankingRules) {
		if (rule === 'sort') rules.push(...sortKeys.keys);
		else if (textKeys?.has(rule)) rules.push(textKeys.get(rule)!);
	}
	const n = candidates.length;
	const span = rules.reduce((product, rule) => product * rule.bound, n);
	if (span >= Number.MAX_SAFE_INTEGER) {
		throw new Error('ranking keys do not fit one number: too many sort criteria');
	}
	const packed = new Float64Array(n);
	for (const rule of rules) pack(packed, rule);
	for (let i = 0; i < n; i++) packed[i] = packed[i] * n + i;
	const top = smallestKeys(packed, end).slice(offset);
	const geo = sortKeys.geo;
	return {
		docs: top.map((i) => candidates[i]),
		geoDistances: geo ? top.map((i) => Math.round(geo[i])) : null
	};
}
