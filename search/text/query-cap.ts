/**
 * Bounds on the query text before any engine sees it. Meilisearch reads only the first ten words of a
 * query; we cut there too, and also bound each word and the whole text: matching a word against the
 * vocabulary with typos costs time in proportion to its length, so one 60 KB "word" froze the process.
 */
import { normalizeText } from './normalize';

export const QUERY_CAPS = {
	/** Meilisearch ignores query words beyond the tenth (stop words do not count). */
	maxWords: 10,
	/** No indexed word is anywhere near this long. */
	maxWordLength: 64,
	/** Characters of the query that are read at all. */
	maxLength: 1024,
	/** Facet values are short labels. */
	maxFacetQueryLength: 256
} as const;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/** Drops a lone high surrogate left by cutting a string in the middle of a character. */
function cut(text: string, length: number): string {
	if (text.length <= length) return text;
	const head = text.slice(0, length);
	return /[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head;
}

/**
 * The part of `q` an engine reads: up to the tenth word that is not a stop word, each word at most
 * `maxWordLength` characters, all within the first `maxLength` characters. A query inside those bounds
 * comes back unchanged, and what is cut could not have changed the results.
 */
export function capQuery(q: string, stopWords: Iterable<string> = []): string {
	const { maxWords, maxWordLength, maxLength } = QUERY_CAPS;
	const head = cut(q, maxLength);
	const stop = new Set([...stopWords].map(normalizeText));
	let out = '';
	let last = 0;
	let words = 0;
	for (const match of head.matchAll(WORD)) {
		out += head.slice(last, match.index) + cut(match[0], maxWordLength);
		last = match.index + match[0].length;
		if (!stop.has(normalizeText(match[0])) && ++words === maxWords) {
			// A separator keeps the tenth word a whole word, as it was with more words after it.
			return last < q.length ? out + ' ' : out;
		}
	}
	return out + head.slice(last);
}

export function capFacetQuery(facetQuery: string): string {
	return cut(facetQuery, QUERY_CAPS.maxFacetQueryLength);
}
