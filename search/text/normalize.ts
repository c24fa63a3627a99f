/**
 * Text normalisation shared by indexing, querying and highlighting, so a word is the same word on every
 * path: Unicode-decomposed with accents dropped and lower-cased ("Coördinator" finds "coordinator").
 */
const MARKS = /\p{M}/gu;
const TOKEN = /[\p{L}\p{N}]+/gu;

// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included, is the point
const ASCII = /^[\x00-\x7f]*$/;

export function normalizeText(text: string): string {
	// Most of our text is plain ASCII, where decomposition is a costly no-op.
	if (ASCII.test(text)) return text.toLowerCase();
	return text.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/** Normalised words of a text; everything but letters and digits separates words. */
export function tokenize(text: string): string[] {
	return normalizeText(text).match(TOKEN) ?? [];
}

export interface SourceToken {
	/** Offset of the word in the original text. */
	start: number;
	end: number;
	normalized: string;
}

const WORD_START = /[\p{L}\p{N}]/u;
const WORD_MARK = /\p{M}/u;
const SEPARATOR = 0;
const LETTER_OR_DIGIT = 1;
const MARK = 2;
/** Classes of the non-ASCII code points met so far, bounded: text is not bound to a few scripts. */
const classes = new Map<number, number>();

function classOf(code: number): number {
	if (code < 0x80) {
		const lower = code | 0x20;
		return (lower >= 0x61 && lower <= 0x7a) || (code >= 0x30 && code <= 0x39) ? LETTER_OR_DIGIT : SEPARATOR;
	}
	let known = classes.get(code);
	if (known === undefined) {
		const char = String.fromCodePoint(code);
		known = WORD_START.test(char) ? LETTER_OR_DIGIT : WORD_MARK.test(char) ? MARK : SEPARATOR;
		if (classes.size < 0x4000) classes.set(code, known);
	}
	return known;
}

/**
 * Words with their position in the original text, for highlighting and cropping: a letter or digit,
 * then letters, digits and marks (`[\p{L}\p{N}][\p{L}\p{N}\p{M}]*`), each word normalised. Scanned by
 * code point rather than matched, and an ASCII word is only lower-cased: hits are highlighted on
 * every keystroke, and most of their words are plain ASCII.
 */
export function tokenizeWithOffsets(text: string): SourceToken[] {
	const tokens: SourceToken[] = [];
	let start = -1;
	let ascii = true;
	for (let i = 0; i <= text.length;) {
		const code = i < text.length ? text.codePointAt(i)! : -1;
		const kind = code < 0 ? SEPARATOR : classOf(code);
		if (start < 0) {
			if (kind === LETTER_OR_DIGIT) {
				start = i;
				ascii = code < 0x80;
			}
		} else if (kind === SEPARATOR) {
			const word = text.slice(start, i);
			const normalized = ascii ? word.toLowerCase() : normalizeText(word);
			if (normalized !== '') tokens.push({ start, end: i, normalized });
			start = -1;
		} else if (code >= 0x80) ascii = false;
		i += code > 0xffff ? 2 : 1;
	}
	return tokens;
}

/**
 * Length in the original text of the first `normalizedLength` normalised characters of `word`, so a
 * prefix match highlights exactly the typed part even when accents were dropped.
 */
export function originalPrefixLength(word: string, normalizedLength: number): number {
	let consumed = 0;
	let offset = 0;
	for (const char of word) {
		if (consumed >= normalizedLength) break;
		consumed += normalizeText(char).length;
		offset += char.length;
	}
	return offset;
}
