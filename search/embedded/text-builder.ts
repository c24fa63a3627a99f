/**
 * Builds the text index and the word positions in ONE tokenisation pass over the documents (they used
 * to tokenise every text twice, two thirds of the build). Documents are added in order, so the pass
 * can run while later documents are still being read; `finish` sorts the vocabulary, lays out the
 * postings and turns the provisional word ids (first seen) into the final ones (sorted order).
 */
import { normalizeText } from '../text/normalize';
import { Vocabulary, type TextIndex } from './text-index';
import { ATTRIBUTE_SPAN, HARD_DISTANCE, UNINDEXED, type WordPositions } from './word-positions';

/** A text's words as provisional ids, and each word's position relative to the text's first word. */
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

function textsOf(value: unknown, out: string[] = []): string[] {
	if (Array.isArray(value)) for (const v of value) textsOf(v, out);
	else if (value !== null && value !== undefined) out.push(String(value));
	return out;
}

/** A growable typed buffer: entries are collected flat to spare the garbage collector. */
class Growable<T extends Uint32Array | Uint8Array> {
	length = 0;
	constructor(
		public data: T,
		private readonly make: (size: number) => T
	) {}
	push(value: number): void {
		if (this.length === this.data.length) this.grow(this.length + 1);
		this.data[this.length++] = value;
	}
	grow(size: number): void {
		if (size <= this.data.length) return;
		const bigger = this.make(Math.max(this.data.length * 2, size));
		bigger.set(this.data);
		this.data = bigger;
	}
}

/** A string of its own: V8 keeps substrings of 13+ characters as views of their parent string. */
function flatCopy(word: string): string {
	return Buffer.from(word, 'utf8').toString('utf8');
}

export class TextBuilder {
	private readonly ids = new Map<string, number>();
	private readonly words: string[] = [];
	private readonly counts: number[] = [];
	private readonly lastDoc: number[] = [];
	// Labels and place names repeat across thousands of profiles: tokenise each distinct one once.
	private readonly cache = new Map<string, TextTokens>();
	/** Per document, its distinct words (provisional ids) with their best attribute, flat. */
	private readonly seen = new Growable(new Uint32Array(1 << 16), (n) => new Uint32Array(n));
	private readonly ranks = new Growable(new Uint8Array(1 << 16), (n) => new Uint8Array(n));
	private readonly docEnd: number[] = [];
	private readonly tokenWords = new Growable(new Uint32Array(1 << 16), (n) => new Uint32Array(n));
	private readonly tokenPositions = new Growable(new Uint32Array(1 << 16), (n) => new Uint32Array(n));
	private readonly tokenOffsets: number[] = [0];
	private documents = 0;

	constructor(
		private readonly searchable: readonly string[],
		private readonly stopWords: ReadonlySet<string>
	) {}

	private idOf(word: string): number {
		if (this.stopWords.has(word)) return UNINDEXED;
		let id = this.ids.get(word);
		if (id === undefined) {
			id = this.words.length;
			// A copy: a long token is a slice of its whole normalised text and would keep that alive.
			const own = word.length >= 13 ? flatCopy(word) : word;
			this.ids.set(own, id);
			this.words.push(own);
			this.counts.push(0);
			this.lastDoc.push(-1);
		}
		return id;
	}

	private tokensOf(text: string): TextTokens {
		let tokens = text.length <= 80 ? this.cache.get(text) : undefined;
		if (tokens) return tokens;
		// Offsets are not needed here, only the separators between words: tokenise the normalised text.
		const ascii = ASCII.test(text);
		const normalized = ascii ? text.toLowerCase() : normalizeText(text);
		const ids: number[] = [];
		const steps: number[] = [];
		let position = 0;
		let previousEnd = -1;
		const pattern = ascii ? ASCII_WORD : UNICODE_WORD;
		pattern.lastIndex = 0;
		for (let match = pattern.exec(normalized); match !== null; match = pattern.exec(normalized)) {
			const start = match.index;
			if (previousEnd >= 0) position += hardGap(normalized, previousEnd, start) ? HARD_DISTANCE : 1;
			ids.push(this.idOf(match[0]));
			steps.push(position);
			previousEnd = start + match[0].length;
		}
		tokens = { ids: Uint32Array.from(ids), steps: Uint32Array.from(steps), span: position };
		if (text.length <= 80) this.cache.set(text, tokens);
		return tokens;
	}

	add(doc: Record<string, unknown>): void {
		const d = this.documents++;
		const { searchable, seen, ranks, counts, lastDoc, tokenWords, tokenPositions } = this;
		for (let rank = 0; rank < searchable.length; rank++) {
			let next = 0;
			for (const text of textsOf(doc[searchable[rank]])) {
				const tokens = this.tokensOf(text);
				const n = tokens.ids.length;
				tokenWords.grow(tokenWords.length + n);
				tokenPositions.grow(tokenPositions.length + n);
				const base = rank * ATTRIBUTE_SPAN + next;
				const last = rank * ATTRIBUTE_SPAN + ATTRIBUTE_SPAN - 1;
				for (let i = 0; i < n; i++) {
					const id = tokens.ids[i];
					tokenWords.data[tokenWords.length++] = id;
					tokenPositions.data[tokenPositions.length++] = Math.min(base + tokens.steps[i], last);
					// Attributes are visited in rank order, so the first occurrence is the best one.
					if (id !== UNINDEXED && lastDoc[id] !== d) {
						lastDoc[id] = d;
						counts[id]++;
						seen.push(id);
						ranks.push(rank);
					}
				}
				next += tokens.span + HARD_DISTANCE;
			}
		}
		this.docEnd.push(seen.length);
		this.tokenOffsets.push(tokenWords.length);
	}

	finish(): { text: TextIndex; positions: WordPositions } {
		const { ids, counts, seen, ranks, docEnd } = this;
		const words = this.words.slice().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
		const finalId = new Uint32Array(words.length);
		for (let w = 0; w < words.length; w++) finalId[ids.get(words[w])!] = w;
		const offsets = new Uint32Array(words.length + 1);
		for (let w = 0; w < words.length; w++) offsets[w + 1] = offsets[w] + counts[ids.get(words[w])!];
		// Documents are visited in order, so each posting list fills in ascending document order.
		const postingDocs = new Uint32Array(seen.length);
		const postingAttributes = new Uint8Array(seen.length);
		const fill = offsets.slice(0, words.length);
		let j = 0;
		for (let d = 0; d < docEnd.length; d++) {
			for (; j < docEnd[d]; j++) {
				const w = finalId[seen.data[j]];
				const at = fill[w]++;
				postingDocs[at] = d;
				postingAttributes[at] = ranks.data[j];
			}
		}
		const tokenWords = this.tokenWords.data.slice(0, this.tokenWords.length);
		for (let t = 0; t < tokenWords.length; t++) {
			if (tokenWords[t] !== UNINDEXED) tokenWords[t] = finalId[tokenWords[t]];
		}
		return {
			text: { vocabulary: new Vocabulary(words), words, offsets, postingDocs, postingAttributes },
			positions: {
				offsets: Uint32Array.from(this.tokenOffsets),
				words: tokenWords,
				positions: this.tokenPositions.data.slice(0, this.tokenPositions.length)
			}
		};
	}
}
