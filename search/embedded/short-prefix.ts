/**
 * Precomputed answers for one-word queries of one or two letters, the first keystrokes of every search.
 * Such a word is always a prefix without typo allowance (Meilisearch allows the first typo from five
 * letters on), so its matches and their ranking do not depend on the request: they are computed once
 * per index, with the same matching and ranking code as any other query, as a hit bitset and the hits
 * in rank order. A request then only ANDs its filter into the bitset and walks the order until its page
 * is full, instead of merging hundreds of thousands of postings and ranking up to every document.
 *
 * Any other one-word query ranks the same way whatever the request (one term: no proximity, every
 * matching strategy keeps the same documents), so its answer is built the same way on first use and
 * memoised with the query's other entries: the main query, its facet queries and the next keystrokes
 * that match the same words walk it instead of each merging the postings and ranking again.
 *
 * Filtering after ranking gives the same order as ranking the filtered hits: a document's ranking key
 * depends on the document and the query only, and ties fall back to the document order either way.
 */
import type { MatchingStrategy } from '../index-definition';
import { andInto, bitsetFromIds, popcount, type Bitset } from './bitset';
import type { EmbeddedIndex } from './build-index';
import { oneTermMatches, type OneTermMatches } from './match-text';
import { memoized } from './query-cache';
import { analyseQuery, type AnalysedQuery } from './query-terms';
import { geoDistancesOf, oneTermKeyTable, rankTied, sortSplit, type Ranked } from './rank';
import type { SortCriterion } from '../sort';

/** One- and two-letter prefixes: below Meilisearch's smallest typo word size, whatever the settings. */
export const SHORT_PREFIX_LETTERS = 2;

export interface ShortPrefixAnswer {
	/** The prefix, normalised. */
	word: string;
	/** All matches, as a bitset. */
	bits: Bitset;
	/** All matches, best first. */
	order: Uint32Array;
	/**
	 * Parallel to `order`: the text rules' key (the document number breaks ties), for sorted searches
	 * and to place documents added by a write.
	 */
	keys: Uint16Array;
	/** All matches, in document order. */
	docs: Uint32Array;
}

const answers = new WeakMap<EmbeddedIndex, Map<string, ShortPrefixAnswer>>();

/** Whether the query is one word of at most two letters still being typed. */
export function isShortPrefix(analysed: AnalysedQuery): boolean {
	if (analysed.terms.length !== 1 || analysed.negatives.length > 0) return false;
	const [term] = analysed.terms;
	return term.prefix && [...term.word].length <= SHORT_PREFIX_LETTERS;
}

/** The matches of a one-word query, ranked. */
function ranked(
	index: EmbeddedIndex,
	analysed: AnalysedQuery
): OneTermMatches & { order: Uint32Array; sorted: Uint16Array } {
	const { table, attributes } = oneTermKeyTable(index);
	const matches = oneTermMatches(index, analysed, table, attributes);
	return { ...matches, ...rankedByKey(matches.docs, matches.keys) };
}

function compute(index: EmbeddedIndex, analysed: AnalysedQuery): ShortPrefixAnswer {
	const { bits, docs, order, sorted } = ranked(index, analysed);
	return { word: analysed.terms[0].word, bits, order, keys: sorted, docs };
}

/**
 * Documents (ascending) ordered by key, ties by document: the ranking of a one-word query. The keys
 * are small integers, so this is a counting sort: one pass to count, one to place, stable.
 */
function rankedByKey(docs: Uint32Array, keys: Uint16Array): { order: Uint32Array; sorted: Uint16Array } {
	const n = docs.length;
	let max = 0;
	for (let i = 0; i < n; i++) if (keys[i] > max) max = keys[i];
	const starts = new Uint32Array(max + 2);
	for (let i = 0; i < n; i++) starts[keys[i] + 1]++;
	for (let k = 1; k < starts.length; k++) starts[k] += starts[k - 1];
	const order = new Uint32Array(n);
	const sorted = new Uint16Array(n);
	for (let i = 0; i < n; i++) {
		const at = starts[keys[i]]++;
		order[at] = docs[i];
		sorted[at] = keys[i];
	}
	return { order, sorted };
}

function holdsAny(bits: Bitset, docs: ArrayLike<number>): boolean {
	for (let i = 0; i < docs.length; i++) if ((bits[docs[i] >>> 5] & (1 << (docs[i] & 31))) !== 0) return true;
	return false;
}

/**
 * Carries the short-prefix answers of `old` over to `next` after an incremental write: removed and
 * replaced documents leave each answer, documents keep their relative order under their new numbers,
 * and the dirty documents (indexed on their own as `small`, small document i being `dirty[i]`) that
 * match are placed by their key. A few passes over typed arrays instead of matching and ranking up to
 * every document for each of hundreds of prefixes.
 */
export function carryShortPrefixes(
	old: EmbeddedIndex,
	next: EmbeddedIndex,
	small: EmbeddedIndex,
	toNew: Int32Array,
	dirty: Uint32Array
): void {
	const before = answers.get(old);
	if (!before) return;
	const after = new Map<string, ShortPrefixAnswer>();
	let gone: number[] | null = null;
	let shifted = false;
	for (let o = 0; o < toNew.length; o++) {
		if (toNew[o] < 0) (gone ??= []).push(o);
		else if (toNew[o] !== o) shifted = true;
	}
	const sameWords = (old.size + 31) >>> 5 === (next.size + 31) >>> 5;
	for (const [key, answer] of before) {
		const analysed = analyseQuery(small, answer.word);
		const matches = isShortPrefix(analysed) ? ranked(small, analysed) : null;
		const untouched = !shifted && (gone === null || !holdsAny(answer.bits, gone));
		if (untouched && sameWords && (matches === null || matches.docs.length === 0)) {
			after.set(key, answer);
			continue;
		}
		const addedDocs = matches ? Uint32Array.from(matches.docs, (s) => dirty[s]) : new Uint32Array(0);
		const addedOrder = matches ? Uint32Array.from(matches.order, (s) => dirty[s]) : new Uint32Array(0);
		const addedKeys = matches?.sorted ?? new Uint16Array(0);
		const oldKeys = answer.keys;
		const total = answer.order.length + addedOrder.length;
		const order = new Uint32Array(total);
		const keys = new Uint16Array(total);
		let n = 0;
		let a = 0;
		for (let i = 0; i < answer.order.length; i++) {
			const d = toNew[answer.order[i]];
			if (d < 0) continue;
			const k = oldKeys[i];
			for (; a < addedOrder.length && (addedKeys[a] < k || (addedKeys[a] === k && addedOrder[a] < d)); a++) {
				order[n] = addedOrder[a];
				keys[n++] = addedKeys[a];
			}
			order[n] = d;
			keys[n++] = k;
		}
		for (; a < addedOrder.length; a++) {
			order[n] = addedOrder[a];
			keys[n++] = addedKeys[a];
		}
		const docs = new Uint32Array(n);
		let m = 0;
		a = 0;
		for (let i = 0; i < answer.docs.length; i++) {
			const d = toNew[answer.docs[i]];
			if (d < 0) continue;
			for (; a < addedDocs.length && addedDocs[a] < d; a++) docs[m++] = addedDocs[a];
			docs[m++] = d;
		}
		for (; a < addedDocs.length; a++) docs[m++] = addedDocs[a];
		const kept = n === total ? order : order.slice(0, n);
		after.set(key, {
			word: answer.word,
			bits: bitsetFromIds(next.size, kept),
			order: kept,
			keys: n === total ? keys : keys.slice(0, n),
			docs
		});
	}
	answers.set(next, after);
}

function bytesOf(answer: ShortPrefixAnswer): number {
	return answer.bits.byteLength + answer.order.byteLength + answer.keys.byteLength + answer.docs.byteLength;
}

/** Whether the query is one word (no phrase, no exclusion): its ranking then never depends on the request. */
function isOneWord(analysed: AnalysedQuery): boolean {
	return analysed.terms.length === 1 && analysed.negatives.length === 0 && !analysed.terms[0].phrase;
}

/**
 * The answer of a one-word query, or null for any other query. A short prefix's answer is computed on
 * first use (or by `warmShortPrefixes`) and kept as long as the index: there are at most a few thousand
 * short prefixes, and their orders together hold each document a few dozen times. Any other word's
 * answer is memoised by what it matches (`analysed.key`), so the keystrokes of a word that extend to
 * the same words, the facet queries of the same request and whoever types the word next share one
 * merge of its postings; the memo of these answers is bounded by bytes (query-cache.ts).
 */
export function shortPrefixAnswer(
	index: EmbeddedIndex,
	analysed: AnalysedQuery,
	// With one word, every matching strategy keeps the same documents.
	_strategy: MatchingStrategy
): ShortPrefixAnswer | null {
	if (!isOneWord(analysed)) return null;
	if (!isShortPrefix(analysed)) {
		return memoized(index, analysed.key, () => compute(index, analysed), 'words', bytesOf);
	}
	let cache = answers.get(index);
	if (!cache) {
		cache = new Map();
		answers.set(index, cache);
	}
	// Keyed by the word, not by `analysed.key`: carried to the next index, whose word ids differ.
	const key = analysed.terms[0].word;
	let answer = cache.get(key);
	if (!answer) {
		answer = compute(index, analysed);
		cache.set(key, answer);
	}
	return answer;
}

export interface ShortPrefixHits {
	/** The filtered matches as a bitset (the caller's to keep, never modified afterwards). */
	bits: Bitset;
	total: number;
	/** The requested window of the filtered matches, best first. */
	page: number[];
}

export function filteredShortPrefix(
	answer: ShortPrefixAnswer,
	filter: Bitset | null,
	offset: number,
	limit: number
): ShortPrefixHits {
	const page: number[] = [];
	const end = offset + limit;
	const { order } = answer;
	if (filter === null) {
		for (let i = offset; i < end && i < order.length; i++) page.push(order[i]);
		return { bits: answer.bits, total: order.length, page };
	}
	andInto(filter, answer.bits);
	let seen = 0;
	for (let i = 0; i < order.length && seen < end; i++) {
		const d = order[i];
		if ((filter[d >>> 5] & (1 << (d & 31))) === 0) continue;
		if (seen >= offset) page.push(d);
		seen++;
	}
	return { bits: filter, total: popcount(filter), page };
}

interface GroupScratch {
	marks: Bitset;
	/** Per document: its key's part after the sort rule. */
	rests: Uint16Array;
	docs: Uint32Array;
	tails: Uint16Array;
}

// Reused by every sorted search on the index: searches run one at a time.
const groupScratch = new WeakMap<EmbeddedIndex, GroupScratch>();

function groupScratchOf(index: EmbeddedIndex): GroupScratch {
	let scratch = groupScratch.get(index);
	if (!scratch) {
		scratch = {
			marks: new Uint32Array((index.size + 31) >>> 5),
			rests: new Uint16Array(index.size),
			docs: new Uint32Array(index.size),
			tails: new Uint16Array(index.size)
		};
		groupScratch.set(index, scratch);
	}
	return scratch;
}

/**
 * The requested window of a short prefix's filtered matches (`hits`) in a SORTED search. The sort rule
 * ranks inside the text rules before it, so the precomputed order is walked in groups that tie on
 * those rules (their part of the stored key), and only the groups reaching the window are ranked, by
 * the sort criteria, the text rules after the sort rule (the rest of the key), then the document. Null
 * when the general path would refuse the sort (too many criteria).
 */
export function sortedShortPrefix(
	index: EmbeddedIndex,
	answer: ShortPrefixAnswer,
	hits: ShortPrefixHits,
	criteria: readonly SortCriterion[],
	offset: number,
	limit: number
): Ranked | null {
	const { order, keys } = answer;
	if (limit === 0) return { docs: [], geoDistances: geoDistancesOf(index, [], criteria) };
	const { after, span } = sortSplit(index, 1, criteria, hits.total);
	if (span >= Number.MAX_SAFE_INTEGER) return null;
	const { bits } = hits;
	const end = offset + limit;
	const page: number[] = [];
	const { marks, rests, docs, tails } = groupScratchOf(index);
	let seen = 0;
	for (let i = 0; i < order.length && seen < end;) {
		const group = Math.floor(keys[i] / after);
		// The group's filtered members, marked in a bitset: read back in document order without a sort.
		let count = 0;
		let lo = marks.length;
		let hi = -1;
		let j = i;
		for (; j < order.length && Math.floor(keys[j] / after) === group; j++) {
			const d = order[j];
			const w = d >>> 5;
			if ((bits[w] & (1 << (d & 31))) === 0) continue;
			marks[w] |= 1 << (d & 31);
			rests[d] = keys[j] % after;
			if (w < lo) lo = w;
			if (w > hi) hi = w;
			count++;
		}
		if (seen + count > offset) {
			let n = 0;
			for (let w = lo; w <= hi; w++) {
				let v = marks[w];
				while (v !== 0) {
					const low = v & -v;
					const d = (w << 5) + 31 - Math.clz32(low);
					docs[n] = d;
					tails[n++] = rests[d];
					v ^= low;
				}
			}
			// rankTied breaks ties by position: in document order, as rankWindow's candidates are.
			const ranked = rankTied(index, docs.subarray(0, n), tails.subarray(0, n), after, criteria, end - seen);
			for (let k = Math.max(0, offset - seen); k < ranked.length; k++) page.push(ranked[k]);
		}
		if (hi >= lo) marks.fill(0, lo, hi + 1);
		seen += count;
		i = j;
	}
	return { docs: page, geoDistances: geoDistancesOf(index, page, criteria) };
}

/** Every one- and two-letter prefix of the vocabulary, most common first letters first. */
function shortPrefixesOf(index: EmbeddedIndex): string[] {
	const prefixes = new Set<string>();
	for (const word of index.text.words) {
		const letters = [...word];
		prefixes.add(letters[0]);
		if (letters.length > 1) prefixes.add(letters[0] + letters[1]);
	}
	return [...prefixes];
}

/**
 * Computes the answers of all short prefixes ahead of the first keystrokes, in slices of about
 * `sliceMs` so other work can run between them (`next` schedules the following slice). Stops when
 * `current()` no longer returns this index: a newer one has been swapped in.
 */
export function warmShortPrefixes(
	index: EmbeddedIndex,
	current: () => EmbeddedIndex,
	next: (step: () => void) => void,
	sliceMs = 10
): void {
	const prefixes = shortPrefixesOf(index);
	let i = 0;
	const step = (): void => {
		if (current() !== index) return;
		const until = performance.now() + sliceMs;
		for (; i < prefixes.length && performance.now() < until; i++) {
			const analysed = analyseQuery(index, prefixes[i]);
			shortPrefixAnswer(index, analysed, 'last');
		}
		if (i < prefixes.length) next(step);
	};
	next(step);
}
