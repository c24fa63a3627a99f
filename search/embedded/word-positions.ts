/**
 * Where each word stands in each document, for the query semantics that depend on word order: phrases,
 * split words and multi-word synonyms (words that must stand together) and the proximity rule.
 *
 * Positions follow Meilisearch: the next word is one further, a hard separator (end of a sentence, a
 * semicolon, a bracket) counts as eight, and so does the step from one array element to the next, so
 * "Schoonmaak" and "Keuken" as two labels never read as a phrase. Each attribute starts its own range,
 * far from the others. Stop words are not indexed but keep their place, as Meilisearch keeps theirs.
 */
import { normalizeText } from '../text/normalize';

/** Word id of a token that is not indexed (a stop word): it holds a place but matches no query word. */
export const UNINDEXED = 0xffffffff;
/** Distance of a hard separator, and the largest distance the proximity rule tells apart. */
export const HARD_DISTANCE = 8;
const ATTRIBUTE_SPAN = 1 << 16;

export interface WordPositions {
	/** Tokens of document d: words/positions[offsets[d] .. offsets[d + 1]), in reading order. */
	offsets: Uint32Array;
	words: Uint32Array;
	/** attribute rank × 65536 + position within the attribute. */
	positions: Uint32Array;
}

export function attributeOfPosition(position: number): number {
	return Math.floor(position / ATTRIBUTE_SPAN);
}

function textsOf(value: unknown, out: string[] = []): string[] {
	if (Array.isArray(value)) for (const v of value) textsOf(v, out);
	else if (value !== null && value !== undefined) out.push(String(value));
	return out;
}

/** A text's words as ids, and each word's position relative to the text's first word. */
interface TextTokens {
	ids: Uint32Array;
	steps: Uint32Array;
	/** Position of the last word: where the next array element starts counting from. */
	span: number;
}

// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included, is the point
const ASCII = /^[\x00-\x7f]*$/;
const ASCII_WORD = /[a-z0-9]+/g;
// The same words as `tokenize`: letters and digits, on text already normalised.
const UNICODE_WORD = /[\p{L}\p{N}]+/gu;
const HARD_CODES = new Uint8Array(128);
for (const c of '.;:!?()[]{}|\n\r') HARD_CODES[c.charCodeAt(0)] = 1;

function hardGap(text: string, from: number, to: number): boolean {
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c < 128 ? HARD_CODES[c] === 1 : c === 0x2026) return true;
	}
	return false;
}

function tokensOfText(text: string, wordIds: ReadonlyMap<string, number>): TextTokens {
	// Offsets are not needed here, only the separators between words: tokenise the normalised text.
	const ascii = ASCII.test(text);
	const normalized = ascii ? text.toLowerCase() : normalizeText(text);
	const ids: number[] = [];
	const steps: number[] = [];
	let position = 0;
	let previousEnd = -1;
	const add = (word: string, start: number, end: number) => {
		if (previousEnd >= 0) position += hardGap(normalized, previousEnd, start) ? HARD_DISTANCE : 1;
		ids.push(wordIds.get(word) ?? UNINDEXED);
		steps.push(position);
		previousEnd = end;
	};
	const pattern = ascii ? ASCII_WORD : UNICODE_WORD;
	pattern.lastIndex = 0;
	for (let match = pattern.exec(normalized); match !== null; match = pattern.exec(normalized)) {
		add(match[0], match.index, match.index + match[0].length);
	}
	return { ids: Uint32Array.from(ids), steps: Uint32Array.from(steps), span: position };
}

export function buildWordPositions(
	documents: readonly Record<string, unknown>[],
	searchable: readonly string[],
	wordIds: ReadonlyMap<string, number>
): WordPositions {
	const offsets = new Uint32Array(documents.length + 1);
	let words = new Uint32Array(1 << 16);
	let positions = new Uint32Array(1 << 16);
	let length = 0;
	// Labels and place names repeat across thousands of profiles: tokenise each distinct one once.
	const cache = new Map<string, TextTokens>();
	for (let d = 0; d < documents.length; d++) {
		offsets[d] = length;
		for (let rank = 0; rank < searchable.length; rank++) {
			let next = 0;
			for (const text of textsOf(documents[d][searchable[rank]])) {
				let tokens = text.length <= 80 ? cache.get(text) : undefined;
				if (!tokens) {
					tokens = tokensOfText(text, wordIds);
					if (text.length <= 80) cache.set(text, tokens);
				}
				const n = tokens.ids.length;
				if (length + n > words.length) {
					const size = Math.max(words.length * 2, length + n);
					const biggerWords = new Uint32Array(size);
					biggerWords.set(words);
					words = biggerWords;
					const biggerPositions = new Uint32Array(size);
					biggerPositions.set(positions);
					positions = biggerPositions;
				}
				const base = rank * ATTRIBUTE_SPAN + next;
				for (let i = 0; i < n; i++) {
					words[length] = tokens.ids[i];
					positions[length] = Math.min(base + tokens.steps[i], rank * ATTRIBUTE_SPAN + ATTRIBUTE_SPAN - 1);
					length++;
				}
				next += tokens.span + HARD_DISTANCE;
			}
		}
	}
	offsets[documents.length] = length;
	return { offsets, words: words.slice(0, length), positions: positions.slice(0, length) };
}
