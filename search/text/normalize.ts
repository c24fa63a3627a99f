/**
 * Text normalisation shared by indexing, querying and highlighting, so a word is the same word on every
 * path: Unicode-decomposed with accents dropped and lower-cased ("Coördinator" finds "coordinator").
 */
const MARKS = /\p{M}/gu;
const TOKEN = /[\p{L}\p{N}]+/gu;
const TOKEN_WITH_MARKS = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

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

/** Words with their position in the original text, for highlighting and cropping. */
export function tokenizeWithOffsets(text: string): SourceToken[] {
	const tokens: SourceToken[] = [];
	for (const match of text.matchAll(TOKEN_WITH_MARKS)) {
		const normalized = normalizeText(match[0]);
		if (normalized === '') continue;
		tokens.push({ start: match.index, end: match.index + match[0].length, normalized });
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
