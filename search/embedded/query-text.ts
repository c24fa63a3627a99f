/**
 * Reads Meilisearch's query syntax: words, "quoted phrases" and a leading `-` that excludes the word or
 * phrase after it. A quote without its closing quote is ignored, as is a `-` inside a word
 * ("rolstoel-toegankelijk" is two plain words). The last word is still being typed (a prefix) unless a
 * separator follows it; words in phrases and excluded words are never prefixes.
 */
import { tokenize } from '../text/normalize';

export interface QueryItem {
	/** One word, or the words of a phrase. */
	words: string[];
	phrase: boolean;
	negative: boolean;
	prefix: boolean;
}

const ENDS_IN_WORD = /[\p{L}\p{N}\p{M}]$/u;
const SPACE = /\s/u;

export function parseQueryText(text: string): QueryItem[] {
	const items: QueryItem[] = [];
	let i = 0;
	while (i < text.length) {
		const char = text[i];
		if (SPACE.test(char)) {
			i++;
			continue;
		}
		const negative = char === '-' && (i === 0 || SPACE.test(text[i - 1]));
		const start = negative ? i + 1 : i;
		if (text[start] === '"') {
			const close = text.indexOf('"', start + 1);
			if (close > start) {
				const words = tokenize(text.slice(start + 1, close));
				if (words.length > 0) items.push({ words, phrase: true, negative, prefix: false });
				i = close + 1;
				continue;
			}
		}
		// A run up to the next space or quote: "heftruck-chauffeur" gives two words; only the first of
		// a run can carry the `-`.
		let end = start;
		while (end < text.length && !SPACE.test(text[end]) && !(end > start && text[end] === '"')) end++;
		if (end === start) end = start + 1;
		tokenize(text.slice(start, end)).forEach((word, n) =>
			items.push({ words: [word], phrase: false, negative: negative && n === 0, prefix: false })
		);
		i = end;
	}
	const last = items[items.length - 1];
	if (last && !last.phrase && !last.negative && ENDS_IN_WORD.test(text)) last.prefix = true;
	return items;
}
