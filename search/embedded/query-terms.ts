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
	variants: TermVariant[];
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
		const add = (wordId: number, typos: number, exact: boolean): void => {
			const known = best.get(wordId);
			if (!known || typos < known.typos || (typos === known.typos && exact && !known.exact)) {
				best.set(wordId, { wordId, typos, exact });
			}
		};
		const exactId = vocabulary.get(word);
		if (exactId !== undefined) add(exactId, 0, true);
		fullWords.add(word);
		if (prefix) {
			prefixes.push(word);
			for (const [, id] of vocabulary.atPrefix(word)) add(id, 0, false);
		}
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
		return { word, prefix, variants: [...best.values()] };
	});

	const highlightLength = (token: string): number | null => {
		if (fullWords.has(token)) return token.length;
		for (const p of prefixes) if (token.startsWith(p)) return p.length;
		return null;
	};
	return { terms, highlightLength };
}
