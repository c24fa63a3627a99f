/**
 * Query semantics that read word positions: words that must stand together (phrases, split words,
 * multi-word synonyms, excluded phrases) and the proximity ranking rule.
 */
import { andInto, bitsetToIds, emptyBitset, setBit, type Bitset } from './bitset';
import type { EmbeddedIndex } from './build-index';
import { choiceHas, isAnyWord, type QueryTerm, type Sequence, type WordChoice } from './query-terms';
import { ATTRIBUTE_SPAN, attributeOfPosition, HARD_DISTANCE } from './word-positions';

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

export interface SequenceMatches {
	/** Documents where the words stand together, ascending. */
	docs: Uint32Array;
	/** Parallel to docs: searchable-attribute rank of the first place the words stand together. */
	attributes: Uint8Array;
}

/**
 * Documents where the parts stand together in order, with the attribute of their first occurrence;
 * only among `within` when given (documents outside it would be ignored by the caller anyway).
 */
export function sequenceMatches(
	index: EmbeddedIndex,
	parts: readonly WordChoice[],
	within: Bitset | null = null
): SequenceMatches {
	if (parts.length === 1 && !isAnyWord(parts[0])) return wordMatches(index, parts[0], within);
	let candidates: Bitset | null = null;
	for (const part of parts) {
		if (isAnyWord(part)) continue;
		const bits = choiceBits(index, part);
		if (candidates === null) candidates = bits;
		else andInto(candidates, bits);
	}
	if (candidates === null) return { docs: new Uint32Array(0), attributes: new Uint8Array(0) };
	if (within !== null) andInto(candidates, within);
	const { offsets, words, positions } = index.positions;
	const docs: number[] = [];
	const attributes: number[] = [];
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
					docs.push(d);
					attributes.push(attributeOfPosition(positions[t]));
					break;
				}
			}
		}
	}
	return { docs: Uint32Array.from(docs), attributes: Uint8Array.from(attributes) };
}

/**
 * A sequence of one word (a concatenation, a one-word synonym of several terms, a phrase of one word):
 * straight from the postings. Tokens are stored in attribute order, so a document's first occurrence of
 * any of the words is in the best attribute any of them has, which each posting already holds.
 */
function wordMatches(index: EmbeddedIndex, choice: WordChoice, within: Bitset | null): SequenceMatches {
	const { offsets, postingDocs, postingAttributes } = index.text;
	const words = offsets.length - 1;
	const lists: [number, number][] = [];
	for (const id of choice.ids) if (id < words) lists.push([offsets[id], offsets[id + 1]]);
	if (choice.range) lists.push([offsets[choice.range.from], offsets[choice.range.to]]);
	if (lists.length === 1 && (choice.range === null || choice.range.to - choice.range.from <= 1)) {
		// One word: its postings are the answer, already ascending and one per document.
		const [start, end] = lists[0];
		if (within === null) {
			return { docs: postingDocs.slice(start, end), attributes: postingAttributes.slice(start, end) };
		}
		const docs = new Uint32Array(end - start);
		const attributes = new Uint8Array(end - start);
		let n = 0;
		for (let i = start; i < end; i++) {
			const d = postingDocs[i];
			if ((within[d >>> 5] & (1 << (d & 31))) === 0) continue;
			docs[n] = d;
			attributes[n++] = postingAttributes[i];
		}
		return { docs: docs.slice(0, n), attributes: attributes.slice(0, n) };
	}
	const bits = emptyBitset(index.size);
	const best = new Uint8Array(index.size);
	for (const [start, end] of lists) {
		for (let i = start; i < end; i++) {
			const d = postingDocs[i];
			if (within !== null && (within[d >>> 5] & (1 << (d & 31))) === 0) continue;
			const attribute = postingAttributes[i];
			const mask = 1 << (d & 31);
			if ((bits[d >>> 5] & mask) === 0) {
				bits[d >>> 5] |= mask;
				best[d] = attribute;
			} else if (attribute < best[d]) best[d] = attribute;
		}
	}
	const docs = bitsetToIds(bits);
	const attributes = new Uint8Array(docs.length);
	for (let i = 0; i < docs.length; i++) attributes[i] = best[docs[i]];
	return { docs, attributes };
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
			for (const d of sequenceMatches(index, parts).docs) setBit(bits, d);
		}
	}
	return bits;
}

/**
 * Per vocabulary word, the terms it stands for as a bitmask, for the proximity rule. A sequence stands
 * for its first term at its first word and for its last term at its last word, so a concatenation
 * covering two terms puts both in one place.
 */
function termMasks(
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

const cappedByIndex = new WeakMap<EmbeddedIndex, boolean>();

/** Whether some attribute ran past the positions it can tell apart, so that two tokens share one. */
function hasSharedPositions(index: EmbeddedIndex): boolean {
	let capped = cappedByIndex.get(index);
	if (capped === undefined) {
		capped = false;
		const { positions } = index.positions;
		for (let t = 0; t < positions.length && !capped; t++) {
			capped = (positions[t] & (ATTRIBUTE_SPAN - 1)) === ATTRIBUTE_SPAN - 1;
		}
		cappedByIndex.set(index, capped);
	}
	return capped;
}

export interface ProximityPlan {
	terms: number;
	masks: Uint32Array;
	/**
	 * Per pair of neighbouring terms (q, q + 1), the smallest cost any document can have: 0 when one
	 * word stands for both (or two tokens can share a position), else 1 (two words in order).
	 */
	floors: Uint8Array;
	/** Per pair: documents holding a word that stands for both terms, where the pair costs 0. */
	together: Bitset[];
	last: Int32Array;
	best: Uint8Array;
}

export function proximityPlan(
	index: EmbeddedIndex,
	terms: readonly QueryTerm[],
	sequences: readonly Sequence[]
): ProximityPlan {
	const masks = termMasks(index, terms, sequences);
	const pairs = Math.max(0, terms.length - 1);
	const floors = new Uint8Array(pairs).fill(hasSharedPositions(index) ? 0 : 1);
	const together = Array.from({ length: pairs }, () => emptyBitset(index.size));
	const { offsets, postingDocs } = index.text;
	for (let id = 0; id < masks.length; id++) {
		const mask = masks[id];
		if ((mask & (mask >>> 1)) === 0) continue;
		for (let q = 0; q < pairs; q++) {
			if ((mask & (3 << q)) !== 3 << q) continue;
			floors[q] = 0;
			const bits = together[q];
			for (let i = offsets[id]; i < offsets[id + 1]; i++) setBit(bits, postingDocs[i]);
		}
	}
	return {
		terms: terms.length,
		masks,
		floors,
		together,
		last: new Int32Array(terms.length),
		best: new Uint8Array(terms.length)
	};
}

/**
 * Meilisearch's proximity: for each pair of neighbouring query terms the smallest distance between
 * them in the document (one more when they stand in reverse order), capped at 8, which is also the
 * cost of a pair in different attributes; summed over the `terms` leading terms the document matches.
 * A pair known to cost 0 (`together`) starts there, and reading stops once every pair costs its floor.
 */
export function proximityCost(index: EmbeddedIndex, d: number, plan: ProximityPlan, terms: number): number {
	if (terms < 2) return 0;
	const { masks, floors, together, last, best } = plan;
	let done = true;
	for (let q = 0; q + 1 < terms; q++) {
		last[q] = -1;
		if ((together[q][d >>> 5] & (1 << (d & 31))) !== 0) best[q] = 0;
		else {
			best[q] = HARD_DISTANCE;
			done = false;
		}
	}
	if (done) return 0;
	last[terms - 1] = -1;
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
		done = true;
		for (let q = 0; q + 1 < terms && done; q++) done = best[q] <= floors[q];
		if (done) break;
	}
	let sum = 0;
	for (let q = 0; q + 1 < terms; q++) sum += best[q];
	return sum;
}
