/**
 * Builds the text index and the word positions in ONE tokenisation pass over the documents (they used
 * to tokenise every text twice, two thirds of the build). Documents are added in order, so the pass
 * can run while later documents are still being read; `finish` sorts the vocabulary, lays out the
 * postings and turns the provisional word ids (first seen) into the final ones (sorted order).
 */
import { normalizeText } from '../text/normalize';
import { Column, uint32 } from './column';
import { Vocabulary, type TextIndex } from './text-index';
import {
	ATTRIBUTE_SPAN,
	attributeOfPosition,
	HARD_DISTANCE,
	UNINDEXED,
	type WordPositions
} from './word-positions';

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

// eslint-disable-next-line no-control-regex -- the whole range below U+0250, control characters included
const LATIN = /^[\u0000-\u024f]*$/;
/** Most code units one character below U+0250 normalises to (checked in text-builder.test.ts). */
export const FOLD_LIMIT = 3;
/** Per character from U+0080 to U+024F: normalizeText of it alone, filled on first use. */
const FOLDED: string[] = [];

function fold(c: number): string {
	return (FOLDED[c] ??= normalizeText(String.fromCharCode(c)));
}

/** WORD, SEPARATOR or HARD_SEPARATOR of a code unit that is not a surrogate. */
function unitKind(u: number): number {
	let kind = CLASS[u];
	if (kind === 0) {
		kind = WORD_CHARACTER.test(String.fromCharCode(u)) ? WORD : SEPARATOR;
		CLASS[u] = kind;
	}
	return kind;
}

function textOfUnits(units: Uint16Array, length: number): string {
	if (length <= 4096) return String.fromCharCode(...units.subarray(0, length));
	let text = '';
	for (let from = 0; from < length; from += 4096) {
		text += String.fromCharCode(...units.subarray(from, Math.min(length, from + 4096)));
	}
	// Built up in parts, a long word is a tree of strings: flatten it.
	return flatCopy(text);
}

/** Cached tokens live in chunks of 2^16 entries; a cache value is chunk << 16 | offset. */
const CACHE_BITS = 16;
const CACHE_CHUNK = 1 << CACHE_BITS;

function textsOf(value: unknown, out: string[] = []): string[] {
	if (Array.isArray(value)) for (const v of value) textsOf(v, out);
	else if (value !== null && value !== undefined) out.push(String(value));
	return out;
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

	/** Id of the word held in units[0, length); `hash` is its hashOf. */
	idOfUnits(units: Uint16Array, length: number, hash: number): number {
		const { slots, mask, keys, keyHashes } = this;
		for (let slot = hash & mask; slots[slot] !== 0; slot = (slot + 1) & mask) {
			const e = slots[slot] - 1;
			if (keyHashes[e] !== hash) continue;
			const key = keys[e];
			if (key.length !== length) continue;
			let i = 0;
			while (i < length && units[i] === key.charCodeAt(i)) i++;
			if (i === length) return this.values[e];
		}
		return this.insert(textOfUnits(units, length), hash, this.words.length);
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
	// An entry is an offset into one flat pool, not an object with arrays: the cache holds every distinct
	// short text, and a small object per entry cost more in garbage collection than the lookups saved.
	private readonly cache = new Map<string, number>();
	/** Per cached text: its word count n, its span, then n words (provisional ids), then their n steps. */
	private readonly cachePool: Uint32Array[] = [];
	private cacheUsed = CACHE_CHUNK;
	/** The words (provisional ids) and steps of the text last scanned, and its span. */
	private scanIds = new Uint32Array(256);
	private scanSteps = new Uint32Array(256);
	private scanSpan = 0;
	/** The code units of the word being scanned by scanLatin. */
	private wordUnits: Uint16Array = new Uint16Array(64);
	private readonly tokenWords = new Column(uint32);
	private readonly tokenPositions = new Column(uint32);
	private readonly tokenOffsets: Column<Uint32Array>;
	private documents = 0;

	/** `expected`: how many documents will be added, if known. */
	constructor(
		private readonly searchable: readonly string[],
		stopWords: ReadonlySet<string>,
		expected?: number
	) {
		this.table = new WordTable(stopWords);
		this.tokenOffsets = new Column(uint32, expected === undefined ? undefined : expected + 1);
		this.tokenOffsets.push(0);
	}

	/** Scans `text` into scanIds / scanSteps / scanSpan; returns the number of words. */
	private scan(text: string): number {
		// Offsets are not needed here, only the separators between words: scan the normalised text.
		return LATIN.test(text) ? this.scanLatin(text) : this.scanNormalized(normalizeText(text));
	}

	/**
	 * A text of Latin letters (below U+0250, no combining marks) normalises character by character:
	 * each character is folded on the fly from a table instead of normalising the whole text first.
	 */
	private scanLatin(text: string): number {
		const length = text.length;
		// A character folds to at most FOLD_LIMIT units, and words alternate with separators.
		if (this.scanIds.length <= FOLD_LIMIT * length) {
			this.scanIds = new Uint32Array(FOLD_LIMIT * length + 2);
			this.scanSteps = new Uint32Array(FOLD_LIMIT * length + 2);
		}
		const { table, scanIds, scanSteps } = this;
		let word = this.wordUnits;
		let n = 0;
		let position = 0;
		let hard = false;
		let units = 0;
		let hash = FNV_OFFSET;
		for (let i = 0; i <= length; i++) {
			// One separator past the end closes the last word.
			const c = i < length ? text.charCodeAt(i) : 32;
			const folded = c < 128 ? null : fold(c);
			const count = folded === null ? 1 : folded.length;
			for (let k = 0; k < count; k++) {
				const u = folded === null ? (c >= 65 && c <= 90 ? c + 32 : c) : folded.charCodeAt(k);
				if (unitKind(u) === WORD) {
					if (units === word.length) word = this.growWordUnits();
					word[units++] = u;
					hash = Math.imul(hash ^ u, FNV_PRIME);
					continue;
				}
				if (units > 0) {
					if (n > 0) position += hard ? HARD_DISTANCE : 1;
					hard = false;
					scanIds[n] = table.idOfUnits(word, units, hash);
					scanSteps[n++] = position;
					units = 0;
					hash = FNV_OFFSET;
				}
				if (CLASS[u] === HARD_SEPARATOR) hard = true;
			}
		}
		this.scanSpan = position;
		return n;
	}

	private growWordUnits(): Uint16Array {
		const bigger = new Uint16Array(2 * this.wordUnits.length);
		bigger.set(this.wordUnits);
		this.wordUnits = bigger;
		return bigger;
	}

	private scanNormalized(normalized: string): number {
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
		this.tokenOffsets.push(this.tokenWords.length);
	}

	/** Adds one text of attribute `rank` starting at position `next`; returns where the next one starts. */
	private addText(d: number, rank: number, text: string, next: number): number {
		const cacheable = text.length <= 80;
		const cached = cacheable ? this.cache.get(text) : undefined;
		// Where the words and steps are read from: the pool (cached) or the scan buffers.
		let ids: Uint32Array;
		let steps: Uint32Array;
		let from: number;
		let n: number;
		let span: number;
		if (cached !== undefined) {
			ids = steps = this.cachePool[cached >>> CACHE_BITS];
			from = cached & (CACHE_CHUNK - 1);
			n = ids[from];
			span = ids[from + 1];
			from += 2;
		} else {
			n = this.scan(text);
			ids = this.scanIds;
			steps = this.scanSteps;
			span = this.scanSpan;
			from = 0;
			if (cacheable) this.remember(text, n, span);
			this.fitWords();
		}
		const stepsFrom = cached !== undefined ? from + n : 0;
		const { counts, lastDoc, tokenWords, tokenPositions } = this;
		const base = rank * ATTRIBUTE_SPAN + next;
		const last = rank * ATTRIBUTE_SPAN + ATTRIBUTE_SPAN - 1;
		for (let i = 0; i < n; i++) {
			const id = ids[from + i];
			tokenWords.push(id);
			tokenPositions.push(Math.min(base + steps[stepsFrom + i], last));
			if (id !== UNINDEXED && lastDoc[id] !== d) {
				lastDoc[id] = d;
				counts[id]++;
			}
		}
		return next + span + HARD_DISTANCE;
	}

	/** Caches the text just scanned. */
	private remember(text: string, n: number, span: number): void {
		// A text of at most 80 code units has at most 40 words: an entry always fits in a fresh chunk.
		if (this.cacheUsed + 2 + 2 * n > CACHE_CHUNK) {
			this.cachePool.push(new Uint32Array(CACHE_CHUNK));
			this.cacheUsed = 0;
		}
		const chunk = this.cachePool.length - 1;
		const data = this.cachePool[chunk];
		const at = this.cacheUsed;
		data[at] = n;
		data[at + 1] = span;
		data.set(this.scanIds.subarray(0, n), at + 2);
		data.set(this.scanSteps.subarray(0, n), at + 2 + n);
		this.cacheUsed = at + 2 + 2 * n;
		this.cache.set(text, (chunk << CACHE_BITS) | at);
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
		const { counts } = this;
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
		// The postings come from the tokens themselves, not from a list of each document's words kept
		// while adding (a second copy of every posting, allocated for nothing). Documents are visited in
		// order, so each posting list fills in ascending document order; attributes are visited in rank
		// order, so a word's first token in a document is its best attribute there.
		const total = offsets[words.length];
		const postingDocs = new Uint32Array(total);
		const postingAttributes = new Uint8Array(total);
		const fill = offsets.slice(0, words.length);
		const tokenOffsets = this.tokenOffsets.take();
		const positions = this.tokenPositions.take();
		const tokenWords = new Uint32Array(this.tokenWords.length);
		const lastDoc = this.lastDoc.fill(-1);
		let d = 0;
		let t = 0;
		for (const part of this.tokenWords.parts()) {
			for (let k = 0; k < part.length; k++, t++) {
				while (t >= tokenOffsets[d + 1]) d++;
				const provisionalId = part[k];
				if (provisionalId === UNINDEXED) {
					tokenWords[t] = UNINDEXED;
					continue;
				}
				const w = finalId[provisionalId];
				tokenWords[t] = w;
				if (lastDoc[provisionalId] === d) continue;
				lastDoc[provisionalId] = d;
				const at = fill[w]++;
				postingDocs[at] = d;
				postingAttributes[at] = attributeOfPosition(positions[t]);
			}
		}
		return {
			text: { vocabulary: new Vocabulary(words), words, offsets, postingDocs, postingAttributes },
			positions: {
				offsets: tokenOffsets,
				words: tokenWords,
				positions
			}
		};
	}
}
