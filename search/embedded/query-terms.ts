/**
 * Turns `q` into query terms and the vocabulary words each can match, with Meilisearch's rules:
 *  - the last word is a prefix unless a separator follows it; words of 5+ letters allow 1 typo and 9+
 *    letters 2, a swapped pair of letters being one typo and a wrong first letter two, in a word still
 *    being typed as well (see fuzzy-words.ts);
 *  - stop words are dropped, except one still being typed;
 *  - synonyms match both ways, also for runs of up to three words ("vakken vullen" ↔ "vakkenvuller"),
 *    and a multi-word synonym must stand together;
 *  - two or three neighbouring query words also match as one word ("schoon maak" finds "schoonmaak"),
 *    and a word also matches as its best split into two neighbouring words ("heftruckrijden" finds
 *    "heftruck rijden"), which counts as one typo;
 *  - "quoted phrases" match only as written, together and in order, and `-word` / `-"a phrase"`
 *    exclude the documents containing them.
 */
import type { EmbeddedIndex } from './build-index';
import { fuzzyWords } from './fuzzy-words';
import { QUERY_CAPS } from '../text/query-cap';
import { parseQueryText } from './query-text';
import { prefixRange } from './text-index';
import { UNINDEXED } from './word-positions';

/** Meilisearch ignores query words beyond the tenth. */
const MAX_QUERY_WORDS = 10;
/** Meilisearch concatenates at most three neighbouring query words. */
const MAX_NGRAM = 3;
const DIGITS = /^\p{N}+$/u;

export interface TermVariant {
	wordId: number;
	typos: number;
	/** The query word itself, not a prefix extension, typo or synonym. */
	exact: boolean;
}

export interface QueryTerm {
	word: string;
	prefix: boolean;
	/** A quoted phrase: matched only through its sequence, never word by word. */
	phrase: boolean;
	/** Best variant per word, fewest typos first and the exact word first among equals. */
	variants: TermVariant[];
	/**
	 * Word ids [from, to) extending a prefix term, beyond `variants` (disjoint from them): each matches
	 * with 0 typos, not exactly. A range, because a short prefix extends to thousands of words.
	 */
	extensions: { from: number; to: number } | null;
}

/** Words any one of which may stand at one place of a sequence; UNINDEXED alone means "any word". */
export interface WordChoice {
	ids: ReadonlySet<number>;
	range: { from: number; to: number } | null;
}

/**
 * Consecutive words that together match the terms from..to (inclusive): a phrase, a split word, a
 * multi-word synonym, or one word matching several neighbouring terms (concatenation, synonym).
 */
export interface Sequence {
	from: number;
	to: number;
	parts: WordChoice[];
	typos: number;
	exact: boolean;
}

export interface AnalysedQuery {
	/**
	 * What the query matches, in this index's word ids: its terms' variants and extensions, sequences
	 * and exclusions. Queries with the same key match the same documents with the same ranking values
	 * (successive keystrokes often do: "magazi" and "magazij" extend to the same words), so memoised
	 * matches and facet counts are shared by them. Meaningful within one index only.
	 */
	key: string;
	terms: QueryTerm[];
	sequences: Sequence[];
	/** Words and phrases whose documents are excluded. */
	negatives: WordChoice[][];
	/** Given a normalised document word, how many of its normalised characters to highlight. */
	highlightLength: (word: string) => number | null;
	/** Given a normalised document word, the first query term it matches (for cropping), or -1. */
	termOf: (word: string) => number;
}

export const PLACEHOLDER: AnalysedQuery = {
	key: '',
	terms: [],
	sequences: [],
	negatives: [],
	highlightLength: () => null,
	termOf: () => -1
};

export function isAnyWord(choice: WordChoice): boolean {
	return choice.range === null && choice.ids.size === 1 && choice.ids.has(UNINDEXED);
}

export function choiceHas(choice: WordChoice, wordId: number): boolean {
	return (
		choice.ids.has(wordId) ||
		(choice.range !== null && wordId >= choice.range.from && wordId < choice.range.to)
	);
}

function maxTypos(index: EmbeddedIndex, word: string): number {
	const { typoTolerance } = index.definition;
	if (!typoTolerance.enabled || typoTolerance.disableOnWords.includes(word)) return 0;
	if (typoTolerance.disableOnNumbers && DIGITS.test(word)) return 0;
	const length = [...word].length;
	if (length >= typoTolerance.minWordSizeForTypos.twoTypos) return 2;
	return length >= typoTolerance.minWordSizeForTypos.oneTypo ? 1 : 0;
}

interface Item {
	words: string[];
	phrase: boolean;
	prefix: boolean;
}

/** Word choice for an exact word, a stop word standing in for any word, or null if never indexed. */
function exactChoice(index: EmbeddedIndex, word: string): WordChoice | null {
	if (index.stopWords.has(word)) return { ids: new Set([UNINDEXED]), range: null };
	const id = index.text.vocabulary.get(word);
	return id === undefined ? null : { ids: new Set([id]), range: null };
}

/** Documents where `left` is directly followed by `right`, counted to pick the best split. */
function adjacentCount(index: EmbeddedIndex, left: number, right: number): number {
	const { offsets, postingDocs } = index.text;
	const { words, positions, offsets: tokenOffsets } = index.positions;
	let count = 0;
	let a = offsets[left];
	let b = offsets[right];
	const aEnd = offsets[left + 1];
	const bEnd = offsets[right + 1];
	while (a < aEnd && b < bEnd) {
		const da = postingDocs[a];
		const db = postingDocs[b];
		if (da < db) a++;
		else if (db < da) b++;
		else {
			for (let t = tokenOffsets[da]; t + 1 < tokenOffsets[da + 1]; t++) {
				if (words[t] === left && words[t + 1] === right && positions[t + 1] === positions[t] + 1) {
					count++;
					break;
				}
			}
			a++;
			b++;
		}
	}
	return count;
}

/** Meilisearch's split: the two-word split found together in the most documents, if any. */
function bestSplit(index: EmbeddedIndex, word: string): [number, number] | null {
	let best: [number, number] | null = null;
	let bestCount = 0;
	for (let i = 1; i < word.length; i++) {
		const left = word.slice(0, i);
		const right = word.slice(i);
		if (index.stopWords.has(left) || index.stopWords.has(right)) continue;
		const l = index.text.vocabulary.get(left);
		const r = index.text.vocabulary.get(right);
		if (l === undefined || r === undefined) continue;
		const count = adjacentCount(index, l, r);
		if (count > bestCount) {
			best = [l, r];
			bestCount = count;
		}
	}
	return best;
}

export function analyseQuery(index: EmbeddedIndex, q: string | null | undefined): AnalysedQuery {
	const parsed = parseQueryText(q ?? '');
	const negatives: WordChoice[][] = [];
	const items: Item[] = [];
	for (const item of parsed) {
		if (item.negative) {
			const choices = item.words.map((w) => exactChoice(index, w));
			// A word nobody has excludes nobody; a phrase of stop words alone excludes nothing either.
			if (choices.every((c): c is WordChoice => c !== null) && !choices.every(isAnyWord))
				negatives.push(choices);
			continue;
		}
		if (item.phrase) {
			if (!item.words.every((w) => index.stopWords.has(w))) items.push(item);
			continue;
		}
		// A stop word still being typed may be the start of a real word ("de" → "detailhandel").
		if (item.prefix || !index.stopWords.has(item.words[0])) items.push(item);
	}
	const kept = items.slice(0, MAX_QUERY_WORDS);
	if (kept.length === 0 && negatives.length === 0) return PLACEHOLDER;

	const { words: vocabulary } = index.text;
	const highlight = new Map<string, number>();
	const firstTerm = new Map<string, number>();
	const prefixes: { word: string; term: number }[] = [];
	const mark = (word: string, length: number, term: number): void => {
		highlight.set(word, Math.max(highlight.get(word) ?? 0, length));
		if (!firstTerm.has(word) || firstTerm.get(word)! > term) firstTerm.set(word, term);
	};
	const sequences: Sequence[] = [];
	const single = (wordId: number): WordChoice => ({ ids: new Set([wordId]), range: null });

	const terms = kept.map((item, t): QueryTerm => {
		if (item.phrase) {
			const parts = item.words.map((w) => exactChoice(index, w));
			if (parts.every((p): p is WordChoice => p !== null)) {
				sequences.push({ from: t, to: t, parts, typos: 0, exact: true });
				item.words.forEach((w) => mark(w, w.length, t));
			}
			return { word: item.words.join(' '), prefix: false, phrase: true, variants: [], extensions: null };
		}
		const word = item.words[0];
		const best = new Map<number, TermVariant>();
		const exactId = index.text.vocabulary.get(word);
		let extensions: { from: number; to: number } | null = null;
		if (item.prefix) {
			prefixes.push({ word, term: t });
			const range = prefixRange(index.text, word);
			// The word itself sorts first among its extensions; it stays a variant of its own (exact).
			if (exactId === range.from) range.from++;
			if (range.from < range.to) extensions = range;
		}
		// Extensions match with 0 typos: a typo or synonym reaching one of them adds nothing.
		const covered = (wordId: number) =>
			extensions !== null && wordId >= extensions.from && wordId < extensions.to;
		const add = (wordId: number, typos: number, exact: boolean): void => {
			if (covered(wordId)) return;
			const known = best.get(wordId);
			if (!known || typos < known.typos || (typos === known.typos && exact && !known.exact)) {
				best.set(wordId, { wordId, typos, exact });
			}
		};
		if (exactId !== undefined) add(exactId, 0, true);
		mark(word, word.length, t);
		for (const match of fuzzyWords(vocabulary, word, maxTypos(index, word), item.prefix)) {
			add(match.wordId, match.typos, false);
			const candidate = vocabulary[match.wordId];
			// A word within the typos as a whole is highlighted whole, only the typed part otherwise.
			mark(candidate, match.whole ? candidate.length : Math.min(candidate.length, word.length), t);
		}
		if (!index.stopWords.has(word)) {
			const split = bestSplit(index, word);
			if (split) {
				sequences.push({
					from: t,
					to: t,
					parts: [single(split[0]), single(split[1])],
					typos: 1,
					exact: false
				});
				split.forEach((id) => mark(vocabulary[id], vocabulary[id].length, t));
			}
		}
		const variants = [...best.values()].sort(
			(a, b) => a.typos - b.typos || Number(b.exact) - Number(a.exact) || a.wordId - b.wordId
		);
		return { word, prefix: item.prefix, phrase: false, variants, extensions };
	});

	// Runs of neighbouring plain words: synonyms of the run, and the run written as one word.
	for (let from = 0; from < terms.length; from++) {
		for (let to = from; to < Math.min(terms.length, from + MAX_NGRAM); to++) {
			if (terms[to].phrase) break;
			const run = terms.slice(from, to + 1).map((term) => term.word);
			for (const alternative of index.synonyms.get(run.join(' ')) ?? []) {
				const parts = alternative.map((w) => exactChoice(index, w));
				if (!parts.every((p): p is WordChoice => p !== null) || parts.every(isAnyWord)) continue;
				alternative.forEach((w) => mark(w, w.length, from));
				if (parts.length === 1 && from === to) {
					for (const id of parts[0].ids) if (id !== UNINDEXED) addSynonym(terms[from], id);
				} else {
					sequences.push({ from, to, parts, typos: 0, exact: false });
				}
			}
			if (to === from) continue;
			const joined = run.join('');
			// No indexed word is that long, and typo lookups cost time in proportion to the length.
			if (joined.length > QUERY_CAPS.maxWordLength) continue;
			const prefix = terms[to].prefix;
			// Meilisearch allows a concatenation one typo less per extra word.
			const allowed = Math.max(0, maxTypos(index, joined) - (to - from));
			const choice: WordChoice = { ids: new Set(), range: null };
			const id = index.text.vocabulary.get(joined);
			if (id !== undefined && !index.stopWords.has(joined)) (choice.ids as Set<number>).add(id);
			if (prefix) {
				const range = prefixRange(index.text, joined);
				if (range.from < range.to) choice.range = range;
			}
			if (choice.ids.size > 0 || choice.range) {
				sequences.push({ from, to, parts: [choice], typos: 0, exact: false });
				mark(joined, joined.length, from);
				if (prefix) prefixes.push({ word: joined, term: from });
			}
			const fuzzy = fuzzyWords(vocabulary, joined, allowed, prefix);
			for (const match of fuzzy) {
				sequences.push({ from, to, parts: [single(match.wordId)], typos: match.typos, exact: false });
				const candidate = vocabulary[match.wordId];
				mark(candidate, match.whole ? candidate.length : Math.min(candidate.length, joined.length), from);
			}
		}
	}

	const highlightLength = (token: string): number | null => {
		const known = highlight.get(token);
		if (known !== undefined) return Math.min(known, token.length);
		for (const p of prefixes) if (token.startsWith(p.word)) return p.word.length;
		return null;
	};
	const termOf = (token: string): number => {
		const known = firstTerm.get(token);
		if (known !== undefined) return known;
		for (const p of prefixes) if (token.startsWith(p.word)) return p.term;
		return -1;
	};
	return { key: matchKey(terms, sequences, negatives), terms, sequences, negatives, highlightLength, termOf };
}

function choiceKey(choice: WordChoice): string {
	const ids = [...choice.ids].sort((a, b) => a - b).join(',');
	return choice.range ? `${ids}[${choice.range.from}-${choice.range.to})` : ids;
}

/**
 * Everything text matching and the text rules read (match-text.ts, rank.ts, word-order.ts), and
 * nothing else: the typed words themselves only decide highlighting, which is not memoised by it.
 */
function matchKey(
	terms: readonly QueryTerm[],
	sequences: readonly Sequence[],
	negatives: WordChoice[][]
): string {
	const parts: string[] = [];
	for (const term of terms) {
		let text = 't';
		for (const v of term.variants) text += ` ${v.wordId}:${v.typos}${v.exact ? '=' : ''}`;
		if (term.extensions) text += ` [${term.extensions.from}-${term.extensions.to})`;
		parts.push(text);
	}
	for (const s of sequences) {
		parts.push(`s ${s.from}-${s.to}:${s.typos}${s.exact ? '=' : ''} ${s.parts.map(choiceKey).join(' ')}`);
	}
	for (const negative of negatives) parts.push(`n ${negative.map(choiceKey).join(' ')}`);
	return parts.join('|');
}

/** A single-word synonym of a one-word term: matched in the term's slot with no typo, not exactly. */
function addSynonym(term: QueryTerm, wordId: number): void {
	if (term.extensions && wordId >= term.extensions.from && wordId < term.extensions.to) return;
	const known = term.variants.find((v) => v.wordId === wordId);
	if (known) {
		if (known.typos > 0) {
			known.typos = 0;
			term.variants.sort(
				(a, b) => a.typos - b.typos || Number(b.exact) - Number(a.exact) || a.wordId - b.wordId
			);
		}
		return;
	}
	term.variants.push({ wordId, typos: 0, exact: false });
	term.variants.sort((a, b) => a.typos - b.typos || Number(b.exact) - Number(a.exact) || a.wordId - b.wordId);
}
