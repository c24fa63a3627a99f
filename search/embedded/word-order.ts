/**
 * Query semantics that read word positions: words that must stand together (phrases, split words,
 * multi-word synonyms, excluded phrases) and the proximity ranking rule.
 */
import { andInto, emptyBitset, setBit, type Bitset } from './bitset';
import type { EmbeddedIndex } from './build-index';
import { choiceHas, isAnyWord, type QueryTerm, type Sequence, type WordChoice } from './query-terms';
import { attributeOfPosition, HARD_DISTANCE } from './word-positions';

/** Documents containing any word of the choice. */
function choiceBits(index: EmbeddedIndex, choice: WordChoice): Bitset {
	const bits = emptyBitset(index.size);
	const { offsets, postingDocs } = index.text;
	const addRange = (from: number, to: number) => {
		for (let i = offsets[from]; i < offsets[to]; i++) setBit(bits, postingDocs[i]);
	};
	for (const id of choice.ids) if (id < offsets.length - 1) addRange(id, id + 1);
	if (choice.range) addRange(choice.range.from, choice.range.to);
	return bits;
}

export interface SequenceMatch {
	doc: number;
	/** Searchable-attribute rank of the first place the words stand together. */
	attribute: number;
}

/** Documents where the parts stand together in order, with the attribute of their first occurrence. */
export function sequenceMatches(index: EmbeddedIndex, parts: readonly WordChoice[]): SequenceMatch[] {
	let candidates: Bitset | null = null;
	for (const part of parts) {
		if (isAnyWord(part)) continue;
		const bits = choiceBits(index, part);
		if (candidates === null) candidates = bits;
		else andInto(candidates, bits);
	}
	if (candidates === null) return [];
	const { offsets, words, positions } = index.positions;
	const out: SequenceMatch[] = [];
	for (let w = 0; w < candidates.length; w++) {
		let word = candidates[w];
		while (word !== 0) {
			const bit = 31 - Math.clz32(word & -word);
			word &= word - 1;
			const d = w * 32 + bit;
			const end = offsets[d + 1];
			for (let t = offsets[d]; t + parts.length <= end; t++) {
				let together = true;
				for (let k = 0; k < parts.length && together; k++) {
					const part = parts[k];
					together =
						positions[t + k] === positions[t] + k && (isAnyWord(part) || choiceHas(part, words[t + k]));
				}
				if (together) {
					out.push({ doc: d, attribute: attributeOfPosition(positions[t]) });
					break;
				}
			}
		}
	}
	return out;
}

/** Documents containing any of the excluded words or phrases. */
export function excludedDocuments(index: EmbeddedIndex, negatives: readonly WordChoice[][]): Bitset | null {
	if (negatives.length === 0) return null;
	const bits = emptyBitset(index.size);
	for (const parts of negatives) {
		if (parts.length === 1) {
			const one = choiceBits(index, parts[0]);
			for (let i = 0; i < bits.length; i++) bits[i] |= one[i];
		} else {
			for (const match of sequenceMatches(index, parts)) setBit(bits, match.doc);
		}
	}
	return bits;
}

/**
 * Per vocabulary word, the terms it stands for as a bitmask, for the proximity rule. A sequence stands
 * for its first term at its first word and for its last term at its last word, so a concatenation
 * covering two terms puts both in one place.
 */
export function termMasks(
	index: EmbeddedIndex,
	terms: readonly QueryTerm[],
	sequences: readonly Sequence[]
): Uint32Array {
	const masks = new Uint32Array(index.text.words.length);
	const addChoice = (choice: WordChoice, bit: number) => {
		for (const id of choice.ids) if (id < masks.length) masks[id] |= bit;
		if (choice.range) for (let id = choice.range.from; id < choice.range.to; id++) masks[id] |= bit;
	};
	terms.forEach((term, t) => {
		for (const variant of term.variants) masks[variant.wordId] |= 1 << t;
		if (term.extensions) addChoice({ ids: new Set(), range: term.extensions }, 1 << t);
	});
	for (const sequence of sequences) {
		const first = sequence.parts[0];
		const last = sequence.parts[sequence.parts.length - 1];
		let startBits = 1 << sequence.from;
		if (sequence.parts.length === 1) for (let t = sequence.from; t <= sequence.to; t++) startBits |= 1 << t;
		if (!isAnyWord(first)) addChoice(first, startBits);
		if (!isAnyWord(last)) addChoice(last, 1 << sequence.to);
	}
	return masks;
}

/**
 * Meilisearch's proximity: for each pair of neighbouring query terms the smallest distance between
 * them in the document (one more when they stand in reverse order), capped at 8, which is also the
 * cost of a pair in different attributes; summed over the `terms` leading terms the document matches.
 */
export function proximityCost(
	index: EmbeddedIndex,
	d: number,
	masks: Uint32Array,
	terms: number,
	last: Int32Array,
	best: Uint8Array
): number {
	if (terms < 2) return 0;
	last.fill(-1, 0, terms);
	best.fill(HARD_DISTANCE, 0, terms);
	const { offsets, words, positions } = index.positions;
	for (let t = offsets[d]; t < offsets[d + 1]; t++) {
		const id = words[t];
		if (id >= masks.length) continue;
		const mask = masks[id];
		if (mask === 0) continue;
		const position = positions[t];
		for (let q = 0; q < terms; q++) {
			if ((mask & (1 << q)) === 0) continue;
			// Pair (q-1, q) in order, and pair (q, q+1) in reverse order.
			if (q > 0 && last[q - 1] >= 0) {
				const cost = position - last[q - 1];
				if (cost < best[q - 1]) best[q - 1] = cost;
			}
			if (q + 1 < terms && last[q + 1] >= 0) {
				const cost = position - last[q + 1] + 1;
				if (cost < best[q]) best[q] = cost;
			}
			// Set at once: one word standing for two neighbouring terms puts them at distance 0.
			last[q] = position;
		}
	}
	let sum = 0;
	for (let q = 0; q + 1 < terms; q++) sum += best[q];
	return sum;
}
