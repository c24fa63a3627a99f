/**
 * Turns `q` into query terms and their matching vocabulary words, with Meilisearch's rules: the last word
 * is a prefix unless a separator follows it; words of 5+ letters allow 1 typo, 9+ letters 2; stop words
 * are dropped; synonyms match both ways.
 *
 * Typos are Levenshtein distances where a different first letter costs one extra typo: Meilisearch
 * counts a first-letter typo double. Unlike Meilisearch, a still-being-typed (prefix) word only matches
 * exact prefixes; its typos are forgiven once the word is complete.
 */
import type { EmbeddedIndex } from './build-index';
import { tokenize } from '../text/normalize';
import { prefixRange } from './text-index';

/** Meilisearch ignores query words beyond the tenth. */
const MAX_QUERY_WORDS = 10;
const ENDS_IN_WORD = /[\p{L}\p{N}\p{M}]$/u;
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
	/** Best variant per word, fewest typos first and the exact word first among equals. */
	variants: TermVariant[];
	/**
	 * Word ids [from, to) extending a prefix term, beyond `variants` (disjoint from them): each matches
	 * with 0 typos, not exactly. A range, because a short prefix extends to thousands of words.
	 */
	extensions: { from: number; to: number } | null;
}

export interface AnalysedQuery {
	terms: QueryTerm[];
	/** Given a normalised document word, how many of its normalised characters to highlight. */
	highlightLength: (word: string) => number | null;
}

export const PLACEHOLDER: AnalysedQuery = { terms: [], highlightLength: () => null };

function maxTypos(index: EmbeddedIndex, word: string): number {
	const { typoTolerance } = index.definition;
	if (!typoTolerance.enabled || typoTolerance.disableOnWords.includes(word)) return 0;
	if (typoTolerance.disableOnNumbers && DIGITS.test(word)) return 0;
	const length = [...word].length;
	if (length >= typoTolerance.minWordSizeForTypos.twoTypos) return 2;
	return length >= typoTolerance.minWordSizeForTypos.oneTypo ? 1 : 0;
}

export function analyseQuery(index: EmbeddedIndex, q: string | null | undefined): AnalysedQuery {
	const text = q ?? '';
	const words = tokenize(text);
	if (words.length === 0) return PLACEHOLDER;
	const lastIsPrefix = ENDS_IN_WORD.test(text);
	const kept = words
		.map((word, i) => ({ word, prefix: lastIsPrefix && i === words.length - 1 }))
		// A stop word still being typed may be the start of a real word ("de" → "detailhandel").
		.filter(({ word, prefix }) => prefix || !index.stopWords.has(word))
		.slice(0, MAX_QUERY_WORDS);
	if (kept.length === 0) return PLACEHOLDER;

	const { vocabulary } = index.text;
	const fullWords = new Set<string>();
	const prefixes: string[] = [];
	const terms = kept.map(({ word, prefix }): QueryTerm => {
		const best = new Map<number, TermVariant>();
		const exactId = vocabulary.get(word);
		let extensions: { from: number; to: number } | null = null;
		if (prefix) {
			prefixes.push(word);
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
		fullWords.add(word);
		const allowed = maxTypos(index, word);
		if (allowed > 0) {
			for (const [candidate, [id, distance]] of vocabulary.fuzzyGet(word, allowed)) {
				const typos = distance + (candidate[0] === word[0] ? 0 : 1);
				if (distance > 0 && typos <= allowed) {
					add(id, typos, false);
					fullWords.add(candidate);
				}
			}
		}
		for (const synonym of index.synonyms.get(word) ?? []) {
			const id = vocabulary.get(synonym);
			if (id !== undefined) add(id, 0, false);
			fullWords.add(synonym);
		}
		const variants = [...best.values()].sort(
			(a, b) => a.typos - b.typos || Number(b.exact) - Number(a.exact) || a.wordId - b.wordId
		);
		return { word, prefix, variants, extensions };
	});

	const highlightLength = (token: string): number | null => {
		if (fullWords.has(token)) return token.length;
		for (const p of prefixes) if (token.startsWith(p)) return p.length;
		return null;
	};
	return { terms, highlightLength };
}
