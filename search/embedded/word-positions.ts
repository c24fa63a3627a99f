/**
 * Where each word stands in each document, for the query semantics that depend on word order: phrases,
 * split words and multi-word synonyms (words that must stand together) and the proximity rule.
 *
 * Positions follow Meilisearch: the next word is one further, a hard separator (end of a sentence, a
 * semicolon, a bracket) counts as eight, and so does the step from one array element to the next, so
 * "Schoonmaak" and "Keuken" as two labels never read as a phrase. Each attribute starts its own range,
 * far from the others. Stop words are not indexed but keep their place, as Meilisearch keeps theirs.
 */
import { tokenizeWithOffsets } from '../text/normalize';

/** Word id of a token that is not indexed (a stop word): it holds a place but matches no query word. */
export const UNINDEXED = 0xffffffff;
/** Distance of a hard separator, and the largest distance the proximity rule tells apart. */
export const HARD_DISTANCE = 8;
const ATTRIBUTE_SPAN = 1 << 16;
const HARD_SEPARATOR = /[.;:!?()[\]{}|\n\r\u2026]/u;

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

interface TextTokens {
	words: string[];
	/** Relative position of each word; the text's own length in positions is `span`. */
	steps: number[];
	span: number;
}

function tokensOfText(text: string): TextTokens {
	const tokens = tokenizeWithOffsets(text);
	const words: string[] = [];
	const steps: number[] = [];
	let position = 0;
	for (let i = 0; i < tokens.length; i++) {
		if (i > 0) {
			const gap = text.slice(tokens[i - 1].end, tokens[i].start);
			position += HARD_SEPARATOR.test(gap) ? HARD_DISTANCE : 1;
		}
		words.push(tokens[i].normalized);
		steps.push(position);
	}
	return { words, steps, span: position };
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
	const push = (word: number, position: number): void => {
		if (length === words.length) {
			const biggerWords = new Uint32Array(length * 2);
			biggerWords.set(words);
			words = biggerWords;
			const biggerPositions = new Uint32Array(length * 2);
			biggerPositions.set(positions);
			positions = biggerPositions;
		}
		words[length] = word;
		positions[length] = position;
		length++;
	};
	for (let d = 0; d < documents.length; d++) {
		offsets[d] = length;
		for (let rank = 0; rank < searchable.length; rank++) {
			let next = 0;
			for (const text of textsOf(documents[d][searchable[rank]])) {
				let tokens = text.length <= 80 ? cache.get(text) : undefined;
				if (!tokens) {
					tokens = tokensOfText(text);
					if (text.length <= 80) cache.set(text, tokens);
				}
				for (let i = 0; i < tokens.words.length; i++) {
					const relative = Math.min(next + tokens.steps[i], ATTRIBUTE_SPAN - 1);
					push(wordIds.get(tokens.words[i]) ?? UNINDEXED, rank * ATTRIBUTE_SPAN + relative);
				}
				next += tokens.span + HARD_DISTANCE;
			}
		}
	}
	offsets[documents.length] = length;
	return { offsets, words: words.slice(0, length), positions: positions.slice(0, length) };
}
