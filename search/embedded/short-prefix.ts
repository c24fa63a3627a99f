/**
 * Precomputed answers for one-word queries of one or two letters, the first keystrokes of every search.
 * Such a word is always a prefix without typo allowance (Meilisearch allows the first typo from five
 * letters on), so its matches and their ranking do not depend on the request: they are computed once
 * per index, with the same matching and ranking code as any other query, as a hit bitset and the hits
 * in rank order. A request then only ANDs its filter into the bitset and walks the order until its page
 * is full, instead of merging hundreds of thousands of postings and ranking up to every document.
 *
 * Filtering after ranking gives the same order as ranking the filtered hits: a document's ranking key
 * depends on the document and the query only, and ties fall back to the document order either way.
 */
import type { MatchingStrategy } from '../index-definition';
import { andInto, bitsetFromIds, popcount, type Bitset } from './bitset';
import type { EmbeddedIndex } from './build-index';
import { matchText } from './match-text';
import { analyseQuery, type AnalysedQuery } from './query-terms';
import { rankWindow } from './rank';

/** One- and two-letter prefixes: below Meilisearch's smallest typo word size, whatever the settings. */
export const SHORT_PREFIX_LETTERS = 2;

export interface ShortPrefixAnswer {
	/** All matches, as a bitset. */
	bits: Bitset;
	/** All matches, best first. */
	order: Uint32Array;
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

function compute(
	index: EmbeddedIndex,
	analysed: AnalysedQuery,
	strategy: MatchingStrategy
): ShortPrefixAnswer {
	const matches = matchText(index, analysed, strategy, null);
	const ranked = rankWindow(index, matches.docs, matches, analysed.terms.length, [], 0, matches.docs.length);
	const order = Uint32Array.from(ranked.docs);
	return { bits: bitsetFromIds(index.size, order), order, docs: matches.docs };
}

/**
 * The precomputed matches of a short prefix query, or null for any other query. Computed on first use
 * (or by `warmShortPrefixes`) and kept as long as the index: there are at most a few thousand short
 * prefixes, and their orders together hold each document a few dozen times.
 */
export function shortPrefixAnswer(
	index: EmbeddedIndex,
	analysed: AnalysedQuery,
	strategy: MatchingStrategy
): ShortPrefixAnswer | null {
	if (!isShortPrefix(analysed)) return null;
	let cache = answers.get(index);
	if (!cache) {
		cache = new Map();
		answers.set(index, cache);
	}
	// With one word, every matching strategy keeps the same documents.
	const key = analysed.key;
	let answer = cache.get(key);
	if (!answer) {
		answer = compute(index, analysed, strategy);
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
