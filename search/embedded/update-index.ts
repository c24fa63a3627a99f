/**
 * Incremental writes: a new index snapshot from the previous one and the documents that changed, equal
 * to `buildEmbeddedIndex` over the new document list (tested against it in index-writes.test.ts).
 *
 * Only the changed documents are tokenised and read: they are built as a small index of their own,
 * whose words, values and postings are merged into copies of the old structures. Unchanged documents
 * cost a pass over typed arrays (remapping document numbers and word ids), not a rebuild. The old
 * snapshot is never modified, so a search that holds it, and its caches, stay consistent; the caches
 * of the new snapshot start empty.
 *
 * Document numbers are positions in the new list: a replaced document keeps its place, a removed one
 * closes its gap (later documents move up by one per removal before them), new ones come last.
 */
import type { ProfileDocument } from '../document';
import { bitsetFromIds, emptyBitset, fullBitset, setBit, type Bitset } from './bitset';
import {
	buildEmbeddedIndex,
	compareSortValues,
	descendingPlace,
	MISSING_RANK,
	type EmbeddedIndex,
	type SortRanks,
	type SortValue
} from './build-index';
import { normalizeFacetValue } from '../filter/ast';
import { facetValueOrder, type FacetField } from './facet-field';
import { carryShortPrefixes } from './short-prefix';
import { Vocabulary, type TextIndex } from './text-index';
import { UNINDEXED, type WordPositions } from './word-positions';

const NONE = -1;

/** How the new document list relates to the old one. */
interface Change {
	/** Per new document: its number in the old index, or -1 if it is new or replaced (dirty). */
	fromOld: Int32Array;
	/** Per old document: its number in the new index, or -1 if removed or replaced. */
	toNew: Int32Array;
	/** New numbers of the dirty documents, ascending; dirty document i of the small index is dirty[i]. */
	dirty: Uint32Array;
	/** Old numbers of the removed and replaced documents, ascending. */
	gone: Uint32Array;
	/** Whether any kept document changed its number (a removal before it). */
	shifted: boolean;
}

/**
 * The index over `documents`, where `fromOld[d]` is the old number of new document d when it is the
 * same, unchanged document, or -1 when it must be (re)indexed.
 */
export function updateEmbeddedIndex(
	old: EmbeddedIndex,
	documents: readonly ProfileDocument[],
	fromOld: Int32Array
): EmbeddedIndex {
	const size = documents.length;
	const toNew = new Int32Array(old.size).fill(NONE);
	const dirtyList: number[] = [];
	let shifted = false;
	for (let d = 0; d < size; d++) {
		const o = fromOld[d];
		if (o === NONE) dirtyList.push(d);
		else {
			toNew[o] = d;
			if (o !== d) shifted = true;
		}
	}
	const dirty = Uint32Array.from(dirtyList);
	const goneList: number[] = [];
	for (let o = 0; o < old.size; o++) if (toNew[o] === NONE) goneList.push(o);
	const change: Change = { fromOld, toNew, dirty, gone: Uint32Array.from(goneList), shifted };
	// The changed documents, indexed on their own with the same code as a full build.
	const small = buildEmbeddedIndex(
		dirtyList.map((d) => documents[d]),
		old.definition
	);

	const { text, oldWord, smallWord } = mergeText(old.text, old.positions, small.text, change);
	const positions = mergePositions(old.positions, small.positions, change, oldWord, smallWord, size);
	const facets = new Map<string, FacetField>();
	for (const [attribute, field] of old.facets) {
		facets.set(attribute, mergeFacetField(field, small.facets.get(attribute)!, change, size));
	}
	const sortRanks = new Map<string, SortRanks>();
	for (const [attribute, ranks] of old.sortRanks) {
		sortRanks.set(attribute, mergeSortRanks(ranks, small.sortRanks.get(attribute)!, change, size));
	}
	const geoLat = new Float64Array(size);
	const geoLng = new Float64Array(size);
	for (let d = 0, i = 0; d < size; d++) {
		const o = fromOld[d];
		if (o === NONE) {
			geoLat[d] = small.geoLat[i];
			geoLng[d] = small.geoLng[i++];
		} else {
			geoLat[d] = old.geoLat[o];
			geoLng[d] = old.geoLng[o];
		}
	}
	const next: EmbeddedIndex = {
		definition: old.definition,
		size,
		documents,
		all: fullBitset(size),
		allIds: identityIds(size),
		facets,
		text,
		positions,
		sortRanks,
		geoLat,
		geoLng,
		synonyms: old.synonyms,
		stopWords: old.stopWords,
		// Only unchanged documents keep their text: a replaced one is written anew from its new version.
		hitTexts: old.hitTexts?.carriedOver(toNew) ?? null
	};
	carryShortPrefixes(old, next, small, toNew, dirty);
	return next;
}

function identityIds(size: number): Uint32Array {
	const ids = new Uint32Array(size);
	for (let d = 0; d < size; d++) ids[d] = d;
	return ids;
}

/** The old vocabulary and postings with the dirty documents' merged in, and both word-id maps. */
function mergeText(
	old: TextIndex,
	positions: WordPositions,
	small: TextIndex,
	change: Change
): { text: TextIndex; oldWord: Uint32Array; smallWord: Uint32Array } {
	const { toNew, dirty } = change;
	const oldCount = old.words.length;
	// Surviving postings per old word.
	// Only the words of removed or replaced documents lose postings.
	const touched = new Uint8Array(oldCount);
	for (const o of change.gone) {
		for (let t = positions.offsets[o]; t < positions.offsets[o + 1]; t++) {
			const w = positions.words[t];
			if (w !== UNINDEXED) touched[w] = 1;
		}
	}
	const surviving = new Uint32Array(oldCount);
	for (let w = 0; w < oldCount; w++) {
		const from = old.offsets[w];
		const to = old.offsets[w + 1];
		if (!touched[w]) {
			surviving[w] = to - from;
			continue;
		}
		let n = 0;
		for (let i = from; i < to; i++) if (toNew[old.postingDocs[i]] !== NONE) n++;
		surviving[w] = n;
	}
	// The union of both vocabularies in code-unit order, without words no document holds any more.
	const words: string[] = [];
	const counts: number[] = [];
	const oldWord = new Uint32Array(oldCount).fill(UNINDEXED);
	const smallWord = new Uint32Array(small.words.length).fill(UNINDEXED);
	let i = 0;
	let j = 0;
	while (i < oldCount || j < small.words.length) {
		const a = i < oldCount ? old.words[i] : undefined;
		const b = j < small.words.length ? small.words[j] : undefined;
		let count: number;
		let word: string;
		if (b === undefined || (a !== undefined && a < b)) {
			word = a!;
			count = surviving[i];
			if (count > 0) oldWord[i] = words.length;
			i++;
		} else if (a === undefined || b < a) {
			word = b;
			count = small.offsets[j + 1] - small.offsets[j];
			smallWord[j] = words.length;
			j++;
		} else {
			word = a;
			count = surviving[i] + small.offsets[j + 1] - small.offsets[j];
			oldWord[i] = words.length;
			smallWord[j] = words.length;
			i++;
			j++;
		}
		if (count === 0) continue;
		words.push(word);
		counts.push(count);
	}
	const offsets = new Uint32Array(words.length + 1);
	for (let w = 0; w < words.length; w++) offsets[w + 1] = offsets[w] + counts[w];
	const postingDocs = new Uint32Array(offsets[words.length]);
	const postingAttributes = new Uint8Array(offsets[words.length]);
	// Each new word's list: its old postings (renumbered) merged with the dirty documents' postings.
	const smallOf = new Int32Array(words.length).fill(NONE);
	for (let w = 0; w < small.words.length; w++) smallOf[smallWord[w]] = w;
	const oldOf = new Int32Array(words.length).fill(NONE);
	for (let w = 0; w < oldCount; w++) if (oldWord[w] !== UNINDEXED) oldOf[oldWord[w]] = w;
	for (let target = 0; target < words.length; target++) {
		let at = offsets[target];
		const o = oldOf[target];
		const s = smallOf[target];
		if (!change.shifted && o !== NONE && s === NONE && !touched[o]) {
			// A run of words the write leaves alone is one block of the old postings.
			let end = target + 1;
			while (
				end < words.length &&
				oldOf[end] === o + (end - target) &&
				smallOf[end] === NONE &&
				!touched[oldOf[end]]
			)
				end++;
			const from = old.offsets[o];
			const to = old.offsets[o + (end - target)];
			postingDocs.set(old.postingDocs.subarray(from, to), at);
			postingAttributes.set(old.postingAttributes.subarray(from, to), at);
			target = end - 1;
			continue;
		}
		let p = s === NONE ? 0 : small.offsets[s];
		const pEnd = s === NONE ? 0 : small.offsets[s + 1];
		if (o !== NONE) {
			for (let q = old.offsets[o]; q < old.offsets[o + 1]; q++) {
				const d = toNew[old.postingDocs[q]];
				if (d === NONE) continue;
				for (; p < pEnd && dirty[small.postingDocs[p]] < d; p++) {
					postingDocs[at] = dirty[small.postingDocs[p]];
					postingAttributes[at++] = small.postingAttributes[p];
				}
				postingDocs[at] = d;
				postingAttributes[at++] = old.postingAttributes[q];
			}
		}
		for (; p < pEnd; p++) {
			postingDocs[at] = dirty[small.postingDocs[p]];
			postingAttributes[at++] = small.postingAttributes[p];
		}
	}
	return {
		text: { vocabulary: new Vocabulary(words), words, offsets, postingDocs, postingAttributes },
		oldWord,
		smallWord
	};
}

function mergePositions(
	old: WordPositions,
	small: WordPositions,
	change: Change,
	oldWord: Uint32Array,
	smallWord: Uint32Array,
	size: number
): WordPositions {
	const { fromOld } = change;
	let length = 0;
	for (let d = 0, s = 0; d < size; d++) {
		const o = fromOld[d];
		if (o === NONE) {
			length += small.offsets[s + 1] - small.offsets[s];
			s++;
		} else length += old.offsets[o + 1] - old.offsets[o];
	}
	const offsets = new Uint32Array(size + 1);
	const words = new Uint32Array(length);
	const positions = new Uint32Array(length);
	let identity = true;
	for (let w = 0; w < oldWord.length && identity; w++) identity = oldWord[w] === w;
	let at = 0;
	let s = 0;
	for (let d = 0; d < size;) {
		const o = fromOld[d];
		if (o === NONE) {
			const from = small.offsets[s];
			const to = small.offsets[++s];
			offsets[d++] = at;
			positions.set(small.positions.subarray(from, to), at);
			for (let t = from; t < to; t++) {
				const w = small.words[t];
				words[at++] = w === UNINDEXED ? UNINDEXED : smallWord[w];
			}
			continue;
		}
		// A run of unchanged documents is one block of the old arrays.
		let end = d + 1;
		while (end < size && fromOld[end] === o + (end - d)) end++;
		const from = old.offsets[o];
		const to = old.offsets[o + (end - d)];
		for (let k = d; k < end; k++) offsets[k] = at + old.offsets[o + (k - d)] - from;
		positions.set(old.positions.subarray(from, to), at);
		if (identity) {
			words.set(old.words.subarray(from, to), at);
			at += to - from;
		} else {
			for (let t = from; t < to; t++) {
				const w = old.words[t];
				words[at++] = w === UNINDEXED ? UNINDEXED : oldWord[w];
			}
		}
		d = end;
	}
	offsets[size] = at;
	return { offsets, words, positions };
}

/** Bits from .. from+length of `source` into `target` from `to` on. */
function copyBits(source: Bitset, from: number, target: Bitset, to: number, length: number): void {
	let k = 0;
	// Bit by bit up to a word boundary of the target, then a word at a time.
	for (; k < length && ((to + k) & 31) !== 0; k++) {
		const i = from + k;
		if ((source[i >>> 5] & (1 << (i & 31))) !== 0) setBit(target, to + k);
	}
	const shift = (from + k) & 31;
	for (; k + 32 <= length; k += 32) {
		const w = (from + k) >>> 5;
		target[(to + k) >>> 5] =
			shift === 0 ? source[w] : (source[w] >>> shift) | (source[w + 1] << (32 - shift));
	}
	for (; k < length; k++) {
		const i = from + k;
		if ((source[i >>> 5] & (1 << (i & 31))) !== 0) setBit(target, to + k);
	}
}

/**
 * Values no document holds any more stay in a field (invisible: a count of 0 is never shown, and their
 * postings are empty) until there are more than `minimum` of them and more than 1 in `share` values;
 * then the field's dictionary is compacted. Tests lower it to exercise compaction on small indexes.
 */
export const deadFacetValues = { minimum: 64, share: 8 };

function tooManyDead(dead: number, values: number): boolean {
	return dead > deadFacetValues.minimum && dead * deadFacetValues.share > values;
}

function mergeFacetField(old: FacetField, small: FacetField, change: Change, size: number): FacetField {
	const { fromOld, toNew, dirty, gone, shifted } = change;
	// The merged dictionary: the old value ids, then the values only the dirty documents have.
	const smallValue = new Uint32Array(small.display.length);
	const fresh: number[] = [];
	for (let v = 0; v < small.display.length; v++) {
		const n = small.numeric[v];
		const id = Number.isNaN(n)
			? old.byString.get(normalizeFacetValue(small.display[v]))
			: old.byNumber.get(n);
		if (id !== undefined) smallValue[v] = id;
		else {
			smallValue[v] = old.display.length + fresh.length;
			fresh.push(v);
		}
	}
	const merged = old.display.length + fresh.length;
	// Values the write touches: those of removed or replaced documents, and those of the dirty ones.
	const touched = new Uint8Array(merged);
	for (const o of gone) {
		for (let k = old.docOffsets[o]; k < old.docOffsets[o + 1]; k++) touched[old.docValues[k]] = 1;
	}
	const added = new Map<number, number[]>();
	for (let v = 0; v < small.postings.length; v++) {
		const id = smallValue[v];
		touched[id] = 1;
		let list = added.get(id);
		if (!list) added.set(id, (list = []));
		for (const s of small.postings[v]) list.push(dirty[s]);
	}
	const empty = new Uint32Array(0);
	const postingsById: Uint32Array[] = old.postings.slice();
	for (let v = old.postings.length; v < merged; v++) postingsById.push(empty);
	let dead = 0;
	for (let v = 0; v < merged; v++) {
		if (touched[v] || shifted) {
			const before = postingsById[v];
			const extra = added.get(v) ?? [];
			const out = new Uint32Array(before.length + extra.length);
			let n = 0;
			let e = 0;
			for (let p = 0; p < before.length; p++) {
				const d = toNew[before[p]];
				if (d === NONE) continue;
				while (e < extra.length && extra[e] < d) out[n++] = extra[e++];
				out[n++] = d;
			}
			while (e < extra.length) out[n++] = extra[e++];
			postingsById[v] = n === out.length ? out : out.slice(0, n);
		}
		if (postingsById[v].length === 0) dead++;
	}

	// Dictionaries: shared with the old field when nothing was added, compacted when too much is dead.
	const compacting = tooManyDead(dead, merged);
	let ids: Uint32Array | null = null;
	let valueOf: Uint32Array | null = null;
	if (compacting) {
		valueOf = new Uint32Array(merged).fill(UNINDEXED);
		const keptIds: number[] = [];
		for (let v = 0; v < merged; v++) {
			if (postingsById[v].length === 0) continue;
			valueOf[v] = keptIds.length;
			keptIds.push(v);
		}
		ids = Uint32Array.from(keptIds);
	}
	let display = old.display;
	let numeric = old.numeric;
	let searchable = old.searchable;
	let byString = old.byString;
	let byNumber = old.byNumber;
	let postings = postingsById;
	if (ids !== null || fresh.length > 0) {
		display = old.display.concat(fresh.map((v) => small.display[v]));
		numeric = new Float64Array(merged);
		numeric.set(old.numeric);
		fresh.forEach((v, i) => (numeric[old.display.length + i] = small.numeric[v]));
		searchable = old.searchable.concat(fresh.map((v) => small.searchable[v]));
		if (ids !== null) {
			const kept = ids;
			display = Array.from(kept, (v) => display[v]);
			const all = numeric;
			numeric = Float64Array.from(kept, (v) => all[v]);
			searchable = Array.from(kept, (v) => searchable[v]);
			postings = Array.from(kept, (v) => postingsById[v]);
			byString = new Map();
			byNumber = new Map();
			for (let v = 0; v < display.length; v++) {
				if (Number.isNaN(numeric[v])) byString.set(normalizeFacetValue(display[v]), v);
				else byNumber.set(numeric[v], v);
			}
		} else {
			byString = new Map(old.byString);
			byNumber = new Map(old.byNumber);
			for (let v = old.display.length; v < merged; v++) {
				if (Number.isNaN(numeric[v])) byString.set(normalizeFacetValue(display[v]), v);
				else byNumber.set(numeric[v], v);
			}
		}
	}
	const count = display.length;
	// Alpha order: the old order (without compacted values) merged with the new values in their order.
	let alphaOrder = old.alphaOrder;
	if (ids !== null || fresh.length > 0) {
		const key = (v: number) => (Number.isNaN(numeric[v]) ? normalizeFacetValue(display[v]) : '');
		const compare = facetValueOrder(numeric, key);
		const oldOrder: number[] = [];
		for (const v of old.alphaOrder) {
			const to = valueOf === null ? v : valueOf[v];
			if (to !== UNINDEXED) oldOrder.push(to);
		}
		const newOrder: number[] = [];
		for (let v = old.display.length; v < merged; v++) {
			const to = valueOf === null ? v : valueOf[v];
			if (to !== UNINDEXED) newOrder.push(to);
		}
		newOrder.sort(compare);
		alphaOrder = new Uint32Array(count);
		for (let a = 0, b = 0, k = 0; k < count; k++) {
			alphaOrder[k] =
				b >= newOrder.length || (a < oldOrder.length && compare(oldOrder[a], newOrder[b]) < 0)
					? oldOrder[a++]
					: newOrder[b++];
		}
	}

	// Per-document values and flags, in the new document order.
	let valueCount = old.docValues.length + small.docValues.length;
	let numberCount = old.numValues.length + small.numValues.length;
	for (const o of gone) {
		valueCount -= old.docOffsets[o + 1] - old.docOffsets[o];
		numberCount -= old.numOffsets[o + 1] - old.numOffsets[o];
	}
	const docOffsets = new Uint32Array(size + 1);
	const docValues = new Uint32Array(valueCount);
	const numOffsets = new Uint32Array(size + 1);
	const numValues = new Float64Array(numberCount);
	const exists = emptyBitset(size);
	const nulls = emptyBitset(size);
	const empties = emptyBitset(size);
	let at = 0;
	let numAt = 0;
	let s = 0;
	for (let d = 0; d < size;) {
		const o = fromOld[d];
		if (o === NONE) {
			docOffsets[d] = at;
			numOffsets[d] = numAt;
			for (let k = small.docOffsets[s]; k < small.docOffsets[s + 1]; k++) {
				const v = smallValue[small.docValues[k]];
				docValues[at++] = valueOf === null ? v : valueOf[v];
			}
			numValues.set(small.numValues.subarray(small.numOffsets[s], small.numOffsets[s + 1]), numAt);
			numAt += small.numOffsets[s + 1] - small.numOffsets[s];
			copyBits(small.exists, s, exists, d, 1);
			copyBits(small.nulls, s, nulls, d, 1);
			copyBits(small.empties, s, empties, d, 1);
			s++;
			d++;
			continue;
		}
		// A run of unchanged documents is one block of the old arrays.
		let end = d + 1;
		while (end < size && fromOld[end] === o + (end - d)) end++;
		const run = end - d;
		const from = old.docOffsets[o];
		const to = old.docOffsets[o + run];
		const numFrom = old.numOffsets[o];
		for (let k = 0; k < run; k++) {
			docOffsets[d + k] = at + old.docOffsets[o + k] - from;
			numOffsets[d + k] = numAt + old.numOffsets[o + k] - numFrom;
		}
		copyBits(old.exists, o, exists, d, run);
		copyBits(old.nulls, o, nulls, d, run);
		copyBits(old.empties, o, empties, d, run);
		if (valueOf === null) docValues.set(old.docValues.subarray(from, to), at);
		else for (let k = from; k < to; k++) docValues[at + k - from] = valueOf[old.docValues[k]];
		at += to - from;
		numValues.set(old.numValues.subarray(numFrom, old.numOffsets[o + run]), numAt);
		numAt += old.numOffsets[o + run] - numFrom;
		d = end;
	}
	docOffsets[size] = at;
	numOffsets[size] = numAt;

	const words = (size + 31) >>> 5;
	const sameWords = words === old.exists.length;
	const dense = postings.map((list, k) => {
		if (list.length <= words) return null;
		const v = ids === null ? k : ids[k];
		if (sameWords && !shifted && !touched[v] && v < old.dense.length && old.dense[v]) return old.dense[v];
		return bitsetFromIds(size, list);
	});
	return {
		attribute: old.attribute,
		display,
		numeric,
		searchable,
		alphaOrder,
		byString,
		byNumber,
		postings,
		dense,
		valueScanCost: postings.reduce((sum, list) => sum + Math.min(list.length, words), 0),
		valuesPerDocument: size === 0 ? 0 : valueCount / size,
		docOffsets,
		docValues,
		numOffsets,
		numValues,
		exists,
		nulls,
		empties
	};
}

/**
 * Only each document's first place in either direction decides the order, so the merged ranks keep
 * just the values that are some document's first: places differ from a rebuild's, the order does not.
 */
function mergeSortRanks(old: SortRanks, small: SortRanks, change: Change, size: number): SortRanks {
	const { fromOld } = change;
	// All values, old and dirty, ascending, with each old place's and small place's merged place.
	const union: SortValue[] = [];
	const oldPlace = new Uint32Array(old.distinct.length);
	const smallPlace = new Uint32Array(small.distinct.length);
	for (let i = 0, j = 0; i < old.distinct.length || j < small.distinct.length;) {
		const c =
			j >= small.distinct.length
				? -1
				: i >= old.distinct.length
					? 1
					: compareSortValues(old.distinct[i], small.distinct[j]);
		if (c <= 0) oldPlace[i++] = union.length;
		if (c >= 0) smallPlace[j++] = union.length;
		union.push(c <= 0 ? old.distinct[i - 1] : small.distinct[j - 1]);
	}
	// Each document's lowest place and the place its descending order is decided by, in the union.
	const low = new Uint32Array(size);
	const high = new Uint32Array(size);
	const highOf = (ranks: SortRanks, d: number) =>
		ranks.desc[d] < ranks.numericCount
			? ranks.numericCount - 1 - ranks.desc[d]
			: ranks.max - (ranks.desc[d] - ranks.numericCount);
	const used = new Uint8Array(union.length);
	for (let d = 0, s = 0; d < size; d++) {
		const o = fromOld[d];
		const [ranks, map, i] = o === NONE ? [small, smallPlace, s++] : [old, oldPlace, o];
		if (ranks.asc[i] === MISSING_RANK) {
			low[d] = MISSING_RANK;
			continue;
		}
		low[d] = map[ranks.asc[i]];
		high[d] = map[highOf(ranks, i)];
		used[low[d]] = 1;
		used[high[d]] = 1;
	}
	const compact = new Uint32Array(union.length);
	const distinct: SortValue[] = [];
	let numericCount = 0;
	for (let p = 0; p < union.length; p++) {
		if (!used[p]) continue;
		compact[p] = distinct.length;
		distinct.push(union[p]);
		if (typeof union[p] === 'number') numericCount++;
	}
	const max = Math.max(0, distinct.length - 1);
	const asc = new Uint32Array(size).fill(MISSING_RANK);
	const desc = new Uint32Array(size).fill(MISSING_RANK);
	for (let d = 0; d < size; d++) {
		if (low[d] === MISSING_RANK) continue;
		asc[d] = compact[low[d]];
		desc[d] = descendingPlace(compact[high[d]], numericCount, max);
	}
	return { asc, desc, max, distinct, numericCount };
}
