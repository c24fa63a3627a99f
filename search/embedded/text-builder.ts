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
// The same words as `tokenize`: letters and digits.
const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;
const WORD = 1;
const SEPARATOR = 2;
const HARD_SEPARATOR = 3;
/** Per UTF-16 code unit: WORD, SEPARATOR or HARD_SEPARATOR; 0 until first seen (found by the regex). */
const CLASS = new Uint8Array(0x10000);
for (const c of '.;:!?()[]{}|\n\r\u2026') CLASS[c.charCodeAt(0)] = HARD_SEPARATOR;

function isSurrogatePair(text: string, i: number): boolean {
	const c = text.charCodeAt(i);
	if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return false;
	const next = text.charCodeAt(i + 1);
	return next >= 0xdc00 && next <= 0xdfff;
}

/** Code units of the character at i if it is a letter or a digit, else 0. */
function wordUnits(text: string, i: number): number {
	const c = text.charCodeAt(i);
	let kind = CLASS[c];
	if (kind === 0) {
		// Beyond the BMP a letter is two code units: classify the code point, uncached (rare).
		if (isSurrogatePair(text, i)) return WORD_CHARACTER.test(text.slice(i, i + 2)) ? 2 : 0;
		kind = WORD_CHARACTER.test(String.fromCharCode(c)) ? WORD : SEPARATOR;
		// A lone high surrogate is not cached: the same unit may start a pair elsewhere.
		if (c < 0xd800 || c > 0xdbff) CLASS[c] = kind;
	}
	return kind === WORD ? 1 : 0;
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

/** FNV-1a over UTF-16 code units: the same hash from a word and from the range of a text holding it. */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function hashOf(word: string): number {
	let h = FNV_OFFSET;
	for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
	return h;
}

/**
 * Provisional word ids (first seen), stop words mapped to UNINDEXED. A word is looked up from its range
 * of the normalised text: a known word costs no substring, no regex match object and no string hash of
 * V8's, which together were most of the build.
 */
class WordTable {
	/** Per provisional id: the word. */
	readonly words: string[] = [];
	private readonly keys: string[] = [];
	private readonly values: number[] = [];
	private readonly keyHashes: number[] = [];
	/** Open addressing: entry index + 1, or 0 for a free slot. */
	private slots = new Int32Array(1 << 12);
	private mask = (1 << 12) - 1;

	constructor(stopWords: Iterable<string>) {
		for (const word of stopWords) {
			if (this.find(word, hashOf(word)) === undefined) this.insert(word, hashOf(word), UNINDEXED);
		}
	}

	/** Id of the word text[start, end); `hash` is its hashOf. */
	idOfRange(text: string, start: number, end: number, hash: number): number {
		const { slots, mask, keys, keyHashes } = this;
		const length = end - start;
		for (let slot = hash & mask; slots[slot] !== 0; slot = (slot + 1) & mask) {
			const e = slots[slot] - 1;
			if (keyHashes[e] !== hash) continue;
			const key = keys[e];
			if (key.length !== length) continue;
			let i = 0;
			while (i < length && text.charCodeAt(start + i) === key.charCodeAt(i)) i++;
			if (i === length) return this.values[e];
		}
		// A copy: V8 keeps a slice of 13+ code units as a view that would keep the whole text alive.
		const word = length >= 13 ? flatCopy(text.slice(start, end)) : text.slice(start, end);
		return this.insert(word, hash, this.words.length);
	}

	private find(word: string, hash: number): number | undefined {
		const { slots, mask, keys, keyHashes } = this;
		for (let slot = hash & mask; slots[slot] !== 0; slot = (slot + 1) & mask) {
			const e = slots[slot] - 1;
			if (keyHashes[e] === hash && keys[e] === word) return this.values[e];
		}
		return undefined;
	}

	private insert(word: string, hash: number, value: number): number {
		const e = this.keys.length;
		this.keys.push(word);
		this.values.push(value);
		this.keyHashes.push(hash);
		if (value !== UNINDEXED) this.words.push(word);
		if (2 * (e + 1) > this.slots.length) this.rehash(this.slots.length * 2);
		else this.place(e);
		return value;
	}

	private place(e: number): void {
		const { slots, mask } = this;
		let slot = this.keyHashes[e] & mask;
		while (slots[slot] !== 0) slot = (slot + 1) & mask;
		slots[slot] = e + 1;
	}

	private rehash(size: number): void {
		this.slots = new Int32Array(size);
		this.mask = size - 1;
		for (let e = 0; e < this.keys.length; e++) this.place(e);
	}
}

export class TextBuilder {
	private readonly table: WordTable;
	private counts = new Uint32Array(1 << 12);
	private lastDoc = new Int32Array(1 << 12).fill(-1);
	// Labels and place names repeat across thousands of profiles: tokenise each distinct one once.
	private readonly cache = new Map<string, TextTokens>();
	/** The words (provisional ids) and steps of the text last scanned, and its span. */
	private scanIds = new Uint32Array(256);
	private scanSteps = new Uint32Array(256);
	private scanSpan = 0;
	/** Per document, its distinct words (provisional ids) with their best attribute, flat. */
	private readonly seen = new Growable(new Uint32Array(1 << 16), (n) => new Uint32Array(n));
	private readonly ranks = new Growable(new Uint8Array(1 << 16), (n) => new Uint8Array(n));
	private readonly docEnd = new Growable(new Uint32Array(1 << 12), (n) => new Uint32Array(n));
	private readonly tokenWords = new Growable(new Uint32Array(1 << 16), (n) => new Uint32Array(n));
	private readonly tokenPositions = new Growable(new Uint32Array(1 << 16), (n) => new Uint32Array(n));
	private readonly tokenOffsets = new Growable(new Uint32Array(1 << 12), (n) => new Uint32Array(n));
	private documents = 0;

	constructor(
		private readonly searchable: readonly string[],
		stopWords: ReadonlySet<string>
	) {
		this.table = new WordTable(stopWords);
		this.tokenOffsets.push(0);
	}

	/** Scans `text` into scanIds / scanSteps / scanSpan; returns the number of words. */
	private scan(text: string): number {
		// Offsets are not needed here, only the separators between words: scan the normalised text.
		const normalized = ASCII.test(text) ? text.toLowerCase() : normalizeText(text);
		const length = normalized.length;
		// At most one word per two code units, plus one.
		if (this.scanIds.length <= length) {
			this.scanIds = new Uint32Array(2 * length + 2);
			this.scanSteps = new Uint32Array(2 * length + 2);
		}
		const { table, scanIds, scanSteps } = this;
		let n = 0;
		let position = 0;
		let hard = false;
		let i = 0;
		while (i < length) {
			let units = wordUnits(normalized, i);
			if (units === 0) {
				if (CLASS[normalized.charCodeAt(i)] === HARD_SEPARATOR) hard = true;
				i++;
				continue;
			}
			const start = i;
			let hash = FNV_OFFSET;
			do {
				hash = Math.imul(hash ^ normalized.charCodeAt(i), FNV_PRIME);
				if (units === 2) hash = Math.imul(hash ^ normalized.charCodeAt(i + 1), FNV_PRIME);
				i += units;
			} while (i < length && (units = wordUnits(normalized, i)) !== 0);
			if (n > 0) position += hard ? HARD_DISTANCE : 1;
			hard = false;
			scanIds[n] = table.idOfRange(normalized, start, i, hash);
			scanSteps[n++] = position;
		}
		this.scanSpan = position;
		return n;
	}

	add(doc: Record<string, unknown>): void {
		const d = this.documents++;
		const { searchable } = this;
		for (let rank = 0; rank < searchable.length; rank++) {
			const value = doc[searchable[rank]];
			if (value === null || value === undefined) continue;
			if (!Array.isArray(value)) {
				this.addText(d, rank, String(value), 0);
				continue;
			}
			let next = 0;
			for (const text of textsOf(value)) next = this.addText(d, rank, text, next);
		}
		this.docEnd.push(this.seen.length);
		this.tokenOffsets.push(this.tokenWords.length);
	}

	/** Adds one text of attribute `rank` starting at position `next`; returns where the next one starts. */
	private addText(d: number, rank: number, text: string, next: number): number {
		const cacheable = text.length <= 80;
		let tokens = cacheable ? this.cache.get(text) : undefined;
		let ids: Uint32Array;
		let steps: Uint32Array;
		let n: number;
		let span: number;
		if (tokens) {
			({ ids, steps, span } = tokens);
			n = ids.length;
		} else {
			n = this.scan(text);
			ids = this.scanIds;
			steps = this.scanSteps;
			span = this.scanSpan;
			if (cacheable) {
				tokens = { ids: ids.slice(0, n), steps: steps.slice(0, n), span };
				this.cache.set(text, tokens);
			}
			this.fitWords();
		}
		const { seen, ranks, counts, lastDoc, tokenWords, tokenPositions } = this;
		tokenWords.grow(tokenWords.length + n);
		tokenPositions.grow(tokenPositions.length + n);
		const words = tokenWords.data;
		const positions = tokenPositions.data;
		let t = tokenWords.length;
		const base = rank * ATTRIBUTE_SPAN + next;
		const last = rank * ATTRIBUTE_SPAN + ATTRIBUTE_SPAN - 1;
		for (let i = 0; i < n; i++, t++) {
			const id = ids[i];
			words[t] = id;
			positions[t] = Math.min(base + steps[i], last);
			// Attributes are visited in rank order, so the first occurrence is the best one.
			if (id !== UNINDEXED && lastDoc[id] !== d) {
				lastDoc[id] = d;
				counts[id]++;
				seen.push(id);
				ranks.push(rank);
			}
		}
		tokenWords.length = t;
		tokenPositions.length = t;
		return next + span + HARD_DISTANCE;
	}

	/** Room in the per-word arrays for every word seen so far. */
	private fitWords(): void {
		const size = this.table.words.length;
		if (size <= this.counts.length) return;
		const grown = Math.max(2 * this.counts.length, size);
		const counts = new Uint32Array(grown);
		counts.set(this.counts);
		const lastDoc = new Int32Array(grown).fill(-1);
		lastDoc.set(this.lastDoc);
		this.counts = counts;
		this.lastDoc = lastDoc;
	}

	finish(): { text: TextIndex; positions: WordPositions } {
		const { counts, seen, ranks } = this;
		const provisional = this.table.words;
		const byWord = Uint32Array.from(provisional.keys()).sort((a, b) =>
			provisional[a] < provisional[b] ? -1 : provisional[a] > provisional[b] ? 1 : 0
		);
		const words = Array.from(byWord, (p) => provisional[p]);
		const finalId = new Uint32Array(words.length);
		const offsets = new Uint32Array(words.length + 1);
		for (let w = 0; w < words.length; w++) {
			finalId[byWord[w]] = w;
			offsets[w + 1] = offsets[w] + counts[byWord[w]];
		}
		// Documents are visited in order, so each posting list fills in ascending document order.
		const postingDocs = new Uint32Array(seen.length);
		const postingAttributes = new Uint8Array(seen.length);
		const fill = offsets.slice(0, words.length);
		const docEnd = this.docEnd.data;
		let j = 0;
		for (let d = 0; d < this.documents; d++) {
			for (const end = docEnd[d]; j < end; j++) {
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
				offsets: this.tokenOffsets.data.slice(0, this.tokenOffsets.length),
				words: tokenWords,
				positions: this.tokenPositions.data.slice(0, this.tokenPositions.length)
			}
		};
	}
}
