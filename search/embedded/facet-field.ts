/**
 * Per-attribute structures for filtering and faceting: a dictionary of distinct values (strings by
 * Meilisearch's facet normalisation, numbers by value), posting lists per value, the values of each
 * document, and bitsets for EXISTS / IS NULL / IS EMPTY.
 */
import { normalizeFacetValue } from '../filter/ast';
import { normalizeText } from '../text/normalize';
import { emptyBitset, setBit, type Bitset } from './bitset';

export interface FacetField {
	attribute: string;
	/** Per value id: what facetDistribution shows (first spelling seen, or the number as text). */
	display: string[];
	/** Per value id: the number, or NaN for string values. */
	numeric: Float64Array;
	/** Per value id: accent- and case-free form for facet search. */
	searchable: string[];
	/** Value ids in Meilisearch's alpha facet order: numbers ascending, then strings by normalised form. */
	alphaOrder: Uint32Array;
	byString: Map<string, number>;
	byNumber: Map<number, number>;
	postings: Uint32Array[];
	/**
	 * Per value id: the postings as a bitset when it has more postings than the bitset has words, so
	 * counting it against a hit bitset is a word-wise AND + popcount; null for sparser values.
	 */
	dense: (Bitset | null)[];
	/** Work to count every value against a hit bitset: per value, the cheaper of postings and words. */
	valueScanCost: number;
	/** Distinct values per document, on average: the work per hit of counting document by document. */
	valuesPerDocument: number;
	/** Distinct value ids of document d: docValues[docOffsets[d] .. docOffsets[d + 1]). */
	docOffsets: Uint32Array;
	docValues: Uint32Array;
	/** Numeric leaves of document d, for range filters: numValues[numOffsets[d] .. numOffsets[d + 1]). */
	numOffsets: Uint32Array;
	numValues: Float64Array;
	exists: Bitset;
	nulls: Bitset;
	empties: Bitset;
}

type Leaf = string | number | boolean;

function leaves(value: unknown, out: Leaf[]): void {
	if (Array.isArray(value)) for (const v of value) leaves(v, out);
	else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
		if (typeof value !== 'number' || Number.isFinite(value)) out.push(value);
	}
}

export function buildFacetField(
	attribute: string,
	documents: readonly Record<string, unknown>[]
): FacetField {
	const size = documents.length;
	const display: string[] = [];
	const numericList: number[] = [];
	const byString = new Map<string, number>();
	const byNumber = new Map<number, number>();
	const postingLists: number[][] = [];
	const docOffsets = new Uint32Array(size + 1);
	const docValueList: number[] = [];
	const numOffsets = new Uint32Array(size + 1);
	const numValueList: number[] = [];
	const exists = emptyBitset(size);
	const nulls = emptyBitset(size);
	const empties = emptyBitset(size);
	const buffer: Leaf[] = [];

	const valueId = (leaf: Leaf): number => {
		if (typeof leaf === 'number') {
			let id = byNumber.get(leaf);
			if (id === undefined) {
				id = display.length;
				byNumber.set(leaf, id);
				display.push(String(leaf));
				numericList.push(leaf);
				postingLists.push([]);
			}
			return id;
		}
		// Meilisearch indexes booleans as the strings "true" / "false".
		const text = String(leaf);
		const key = normalizeFacetValue(text);
		let id = byString.get(key);
		if (id === undefined) {
			id = display.length;
			byString.set(key, id);
			display.push(text);
			numericList.push(Number.NaN);
			postingLists.push([]);
		}
		return id;
	};

	for (let d = 0; d < size; d++) {
		const doc = documents[d];
		const value = doc[attribute];
		docOffsets[d] = docValueList.length;
		numOffsets[d] = numValueList.length;
		if (value === undefined) continue;
		setBit(exists, d);
		if (value === null) setBit(nulls, d);
		else if (value === '' || (Array.isArray(value) && value.length === 0)) setBit(empties, d);
		else if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)
			setBit(empties, d);
		buffer.length = 0;
		leaves(value, buffer);
		for (const leaf of buffer) {
			const id = valueId(leaf);
			const list = postingLists[id];
			// A value repeated inside one document counts once, as in Meilisearch.
			if (list.length === 0 || list[list.length - 1] !== d) {
				list.push(d);
				docValueList.push(id);
			}
			if (typeof leaf === 'number') numValueList.push(leaf);
		}
	}
	docOffsets[size] = docValueList.length;
	numOffsets[size] = numValueList.length;

	const numeric = Float64Array.from(numericList);
	const searchable = display.map((v, i) => (Number.isNaN(numeric[i]) ? normalizeText(v).trim() : v));
	const keys = display.map((v) => normalizeFacetValue(v));
	const alphaOrder = Uint32Array.from(display.keys()).sort((a, b) => {
		const na = numeric[a];
		const nb = numeric[b];
		const aNum = !Number.isNaN(na);
		const bNum = !Number.isNaN(nb);
		if (aNum && bNum) return na - nb;
		if (aNum !== bNum) return aNum ? -1 : 1;
		return keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0;
	});

	const postings = postingLists.map((l) => Uint32Array.from(l));
	const words = (size + 31) >>> 5;
	const dense = postings.map((list) => {
		if (list.length <= words) return null;
		const bits = emptyBitset(size);
		for (let i = 0; i < list.length; i++) setBit(bits, list[i]);
		return bits;
	});
	return {
		attribute,
		display,
		numeric,
		searchable,
		alphaOrder,
		byString,
		byNumber,
		postings,
		dense,
		valueScanCost: postings.reduce((sum, list) => sum + Math.min(list.length, words), 0),
		valuesPerDocument: size === 0 ? 0 : docValueList.length / size,
		docOffsets,
		docValues: Uint32Array.from(docValueList),
		numOffsets,
		numValues: Float64Array.from(numValueList),
		exists,
		nulls,
		empties
	};
}
