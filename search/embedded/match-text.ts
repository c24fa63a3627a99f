/**
 * Finds the documents matching the query terms and their text-ranking features. Per-term state lives in
 * reusable scratch arrays stamped with a query epoch, so a query allocates no document-sized memory.
 */
import type { MatchingStrategy } from '../index-definition';
import { andInto, bitsetFromIds, bitsetToIds, emptyBitset, type Bitset } from './bitset';
import type { EmbeddedIndex } from './build-index';
import type { AnalysedQuery, Sequence } from './query-terms';
import { memoized } from './query-cache';
import {
	excludedDocuments,
	proximityCost,
	proximityPlan,
	sequenceMatches,
	type ProximityPlan,
	type SequenceMatches
} from './word-order';

export interface TextMatches {
	/** In document order. */
	docs: Uint32Array;
	/** Per candidate: query words matched (the `words` rule). */
	words: Uint8Array;
	/** Per candidate: typos over the matched words. */
	typos: Uint16Array;
	/** Per candidate: sum of the best attribute rank of each matched word. */
	attributes: Uint16Array;
	/** Per candidate: matched words found exactly as typed. */
	exact: Uint8Array;
	/**
	 * Per candidate: the proximity rule's cost (distance between neighbouring matched terms), once it
	 * was needed for every candidate; null until then. It reads every matched document's words, so
	 * ranking computes it only for the candidates that can reach the requested page (rank.ts).
	 */
	proximity: Uint16Array | null;
	/** What was matched, for computing the proximity rule on demand. */
	query: AnalysedQuery;
}

const plans = new WeakMap<AnalysedQuery, ProximityPlan>();

/** The proximity rule's plan of a query of two or more terms (an analysed query belongs to one index). */
export function proximityPlanOf(index: EmbeddedIndex, query: AnalysedQuery): ProximityPlan {
	let plan = plans.get(query);
	if (!plan) {
		plan = proximityPlan(index, query.terms, query.sequences);
		plans.set(query, plan);
	}
	return plan;
}

interface TermScratch {
	stamp: Int32Array;
	typos: Uint8Array;
	attribute: Uint8Array;
	exact: Uint8Array;
}

const scratchByIndex = new WeakMap<EmbeddedIndex, TermScratch[]>();
let epoch = 0;

function scratchFor(index: EmbeddedIndex, slots: number): TermScratch[] {
	let scratch = scratchByIndex.get(index);
	if (!scratch) {
		scratch = [];
		scratchByIndex.set(index, scratch);
	}
	while (scratch.length < slots) {
		scratch.push({
			stamp: new Int32Array(index.size),
			typos: new Uint8Array(index.size),
			attribute: new Uint8Array(index.size),
			exact: new Uint8Array(index.size)
		});
	}
	return scratch;
}

function nextEpoch(scratch: TermScratch[]): number {
	if (epoch >= 0x3fffffff) {
		epoch = 0;
		for (const slot of scratch) slot.stamp.fill(0);
	}
	return ++epoch;
}

const positionsByIndex = new WeakMap<EmbeddedIndex, Uint32Array>();

/** Every candidate's proximity cost, computed now if it was not yet. */
export function proximityOfAll(index: EmbeddedIndex, text: TextMatches): Uint16Array {
	if (text.proximity === null) {
		const plan = proximityPlanOf(index, text.query);
		const costs = new Uint16Array(text.docs.length);
		for (let i = 0; i < costs.length; i++) costs[i] = proximityCost(index, text.docs[i], plan, text.words[i]);
		text.proximity = costs;
	}
	return text.proximity;
}

/** The unfiltered matches, computed anew: for a caller that memoises what it derives from them instead. */
export function matchesOf(
	index: EmbeddedIndex,
	query: AnalysedQuery,
	strategy: MatchingStrategy
): TextMatches {
	return matchAll(index, query, strategy);
}

/** The unfiltered matches, memoised by what the query matches. */
function allMatches(index: EmbeddedIndex, query: AnalysedQuery, strategy: MatchingStrategy): TextMatches {
	return memoized(index, `text:${strategy}:${query.key}`, () => matchAll(index, query, strategy));
}

interface MatchBits {
	bits: Bitset;
	/** Per bitset word: how many matches come before it, to find a match's place in the arrays. */
	before: Uint32Array;
}

const bitsByMatches = new WeakMap<TextMatches, MatchBits>();

/** The memoised matches as a bitset, built once per match set. */
function bitsOf(index: EmbeddedIndex, all: TextMatches): MatchBits {
	let known = bitsByMatches.get(all);
	if (!known) {
		const bits = bitsetFromIds(index.size, all.docs);
		const before = new Uint32Array(bits.length);
		for (let w = 1; w < bits.length; w++) before[w] = before[w - 1] + popcount32(bits[w - 1]);
		known = { bits, before };
		bitsByMatches.set(all, known);
	}
	return known;
}

function popcount32(v: number): number {
	v = v - ((v >>> 1) & 0x55555555);
	v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
	return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * The documents matching the query within `filter`, without their ranking features, for a search that
 * ranks nothing (facets only): one AND of bitsets. `filter` is ANDed in place and returned as `bits`.
 */
export function matchedWithin(
	index: EmbeddedIndex,
	query: AnalysedQuery,
	strategy: MatchingStrategy,
	filter: Bitset
): { docs: Uint32Array; bits: Bitset } {
	andInto(filter, bitsOf(index, allMatches(index, query, strategy)).bits);
	return { docs: bitsetToIds(filter), bits: filter };
}

/** Text matches restricted to a filter; the unfiltered matches are memoised per query text. */
export function matchText(
	index: EmbeddedIndex,
	query: AnalysedQuery,
	strategy: MatchingStrategy,
	filter: Bitset | null
): TextMatches {
	const all = allMatches(index, query, strategy);
	if (filter === null) return all;
	let keep = positionsByIndex.get(index);
	if (!keep) {
		keep = new Uint32Array(index.size);
		positionsByIndex.set(index, keep);
	}
	// The places of the filtered matches, read off the AND of both bitsets: a pass over the bitset
	// words and the documents kept, not over every match.
	const { bits, before } = bitsOf(index, all);
	let n = 0;
	for (let w = 0; w < bits.length; w++) {
		const word = bits[w];
		let v = word & filter[w];
		while (v !== 0) {
			const low = v & -v;
			keep[n++] = before[w] + popcount32(word & (low - 1));
			v ^= low;
		}
	}
	const pick = <T extends Uint8Array | Uint16Array | Uint32Array>(source: T, target: T): T => {
		for (let i = 0; i < n; i++) target[i] = source[keep[i]];
		return target;
	};
	return {
		docs: pick(all.docs, new Uint32Array(n)),
		words: pick(all.words, new Uint8Array(n)),
		typos: pick(all.typos, new Uint16Array(n)),
		attributes: pick(all.attributes, new Uint16Array(n)),
		exact: pick(all.exact, new Uint8Array(n)),
		proximity: all.proximity && pick(all.proximity, new Uint16Array(n)),
		query
	};
}

/**
 * Merges postings[start, end) of one variant into a term's scratch: fewest typos, best attribute, exact;
 * only documents in `within`, when given.
 */
function visit(
	index: EmbeddedIndex,
	slot: TermScratch,
	stamp: number,
	firstTermBits: Bitset | null,
	within: Bitset | null,
	start: number,
	end: number,
	typos: number,
	exact: number
): void {
	const { postingDocs, postingAttributes } = index.text;
	const stamps = slot.stamp;
	const slotTypos = slot.typos;
	const slotAttribute = slot.attribute;
	const slotExact = slot.exact;
	for (let i = start; i < end; i++) {
		const d = postingDocs[i];
		if (within !== null && (within[d >>> 5] & (1 << (d & 31))) === 0) continue;
		const attribute = postingAttributes[i];
		if (stamps[d] !== stamp) {
			stamps[d] = stamp;
			slotTypos[d] = typos;
			slotAttribute[d] = attribute;
			slotExact[d] = exact;
			if (firstTermBits !== null) firstTermBits[d >>> 5] |= 1 << (d & 31);
		} else {
			if (typos < slotTypos[d]) slotTypos[d] = typos;
			if (attribute < slotAttribute[d]) slotAttribute[d] = attribute;
			if (exact > slotExact[d]) slotExact[d] = exact;
		}
	}
}

interface Merged {
	scratch: TermScratch[];
	epochs: Int32Array;
	/** Documents matching the first term: every strategy ranks only those. */
	firstTermBits: Bitset;
}

/** Merges every term's variants, extensions and sequences into the terms' scratch slots. */
function mergeTerms(index: EmbeddedIndex, query: AnalysedQuery): Merged {
	const { terms, sequences } = query;
	const scratch = scratchFor(index, terms.length);
	const { offsets } = index.text;
	const epochs = new Int32Array(terms.length);
	for (let t = 0; t < terms.length; t++) epochs[t] = nextEpoch(scratch);
	// Collected as a bitset so candidates come out in document order, the final tie-break.
	const firstTermBits = emptyBitset(index.size);
	const visitTerm = (t: number, bits: Bitset | null, within: Bitset | null): void => {
		const term = terms[t];
		const slot = scratch[t];
		for (const variant of term.variants) {
			const w = variant.wordId;
			const exact = variant.exact ? 1 : 0;
			visit(index, slot, epochs[t], bits, within, offsets[w], offsets[w + 1], variant.typos, exact);
		}
		const extensions = term.extensions;
		if (extensions) {
			visit(index, slot, epochs[t], bits, within, offsets[extensions.from], offsets[extensions.to], 0, 0);
		}
	};
	// Words that must stand together match every term they cover.
	const mergeSequence = (sequence: Sequence, within: Bitset | null): void => {
		const matches = sequenceMatches(index, sequence.parts, within);
		const exact = sequence.exact ? 1 : 0;
		for (let t = sequence.from; t <= sequence.to; t++) {
			const typos = t === sequence.from ? sequence.typos : 0;
			mergeAll(scratch[t], epochs[t], matches, typos, exact, t === 0 ? firstTermBits : null);
		}
	};
	// Every strategy ranks only documents matching the first term, so that term and the sequences
	// covering it come first, and later terms and sequences look only at the documents they found.
	if (terms.length > 0) visitTerm(0, firstTermBits, null);
	for (const sequence of sequences) if (sequence.from === 0) mergeSequence(sequence, null);
	for (let t = 1; t < terms.length; t++) visitTerm(t, null, firstTermBits);
	for (const sequence of sequences) if (sequence.from > 0) mergeSequence(sequence, firstTermBits);
	return { scratch, epochs, firstTermBits };
}

export interface OneTermMatches {
	/** The matches, as a bitset. */
	bits: Bitset;
	/** The matches, in document order. */
	docs: Uint32Array;
	/** Parallel to docs: the text rules' key, `keyTable[(typos × attributes + attribute) × 2 + exact]`. */
	keys: Uint16Array;
}

/**
 * The matches of a query of one term and no exclusions with their text rules' key, read straight off
 * the term's scratch: one document-order array and one key array instead of one array per rule.
 */
export function oneTermMatches(
	index: EmbeddedIndex,
	query: AnalysedQuery,
	keyTable: Uint16Array,
	attributes: number
): OneTermMatches {
	const { scratch, firstTermBits } = mergeTerms(index, query);
	const { typos, attribute, exact } = scratch[0];
	const docs = bitsetToIds(firstTermBits);
	const keys = new Uint16Array(docs.length);
	for (let i = 0; i < docs.length; i++) {
		const d = docs[i];
		keys[i] = keyTable[(typos[d] * attributes + attribute[d]) * 2 + exact[d]];
	}
	return { bits: firstTermBits, docs, keys };
}

function matchAll(index: EmbeddedIndex, query: AnalysedQuery, strategy: MatchingStrategy): TextMatches {
	const { terms } = query;
	const { scratch, epochs, firstTermBits } = mergeTerms(index, query);
	const excluded = excludedDocuments(index, query.negatives);

	const firstTermDocs = terms.length === 0 ? allDocsBut(index, excluded) : bitsetToIds(firstTermBits);
	const n = firstTermDocs.length;
	const out = {
		docs: new Uint32Array(n),
		words: new Uint8Array(n),
		typos: new Uint16Array(n),
		attributes: new Uint16Array(n),
		exact: new Uint8Array(n)
	};
	let count = 0;
	for (let i = 0; i < n; i++) {
		const d = firstTermDocs[i];
		if (excluded !== null && (excluded[d >>> 5] & (1 << (d & 31))) !== 0) continue;
		// `last` drops words from the end of the query: a document counts the leading words it matches.
		let words = 0;
		let typos = 0;
		let attributes = 0;
		let exact = 0;
		for (let t = 0; t < terms.length; t++) {
			const slot = scratch[t];
			if (slot.stamp[d] !== epochs[t]) break;
			words++;
			typos += slot.typos[d];
			attributes += slot.attribute[d];
			exact += slot.exact[d];
		}
		if (strategy === 'all' && words < terms.length) continue;
		out.docs[count] = d;
		out.words[count] = words;
		out.typos[count] = typos;
		out.attributes[count] = attributes;
		out.exact[count] = exact;
		count++;
	}
	return {
		docs: out.docs.subarray(0, count),
		words: out.words.subarray(0, count),
		typos: out.typos.subarray(0, count),
		attributes: out.attributes.subarray(0, count),
		exact: out.exact.subarray(0, count),
		// Nothing to compute for one term: every candidate costs 0.
		proximity: terms.length < 2 ? new Uint16Array(count) : null,
		query
	};
}

/** Merges a sequence's matches into a term's scratch, like `visit` for postings. */
function mergeAll(
	slot: TermScratch,
	stamp: number,
	matches: SequenceMatches,
	typos: number,
	exact: number,
	firstTermBits: Bitset | null
): void {
	const { docs, attributes } = matches;
	for (let i = 0; i < docs.length; i++) {
		const d = docs[i];
		const attribute = attributes[i];
		if (firstTermBits !== null) firstTermBits[d >>> 5] |= 1 << (d & 31);
		if (slot.stamp[d] !== stamp) {
			slot.stamp[d] = stamp;
			slot.typos[d] = typos;
			slot.attribute[d] = attribute;
			slot.exact[d] = exact;
			continue;
		}
		if (typos < slot.typos[d]) slot.typos[d] = typos;
		if (attribute < slot.attribute[d]) slot.attribute[d] = attribute;
		if (exact > slot.exact[d]) slot.exact[d] = exact;
	}
}

/** Every document but the excluded ones: a query of exclusions alone. */
function allDocsBut(index: EmbeddedIndex, excluded: Bitset | null): Uint32Array {
	if (excluded === null) return index.allIds;
	const keep = index.all.slice();
	for (let i = 0; i < keep.length; i++) keep[i] &= ~excluded[i];
	return bitsetToIds(keep);
}
