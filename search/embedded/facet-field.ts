/**
 * Per-attribute structures for filtering and faceting: a dictionary of distinct values (strings by
 * Meilisearch's facet normalisation, numbers by value), posting lists per value, the values of each
 * document, and bitsets for EXISTS / IS NULL / IS EMPTY.
 */
import { normalizeFacetValue } from '../filter/ast';
import { normalizeText } from '../text/normalize';
import { bitsetFromIds, emptyBitset, type Bitset } from './bitset';
import { Column, float64, uint32 } from './column';

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

/** A bitset over documents added one by one; sized once the count is known. */
class GrowingBits {
	words = new Uint32Array(64);
	set(d: number): void {
		const w = d >>> 5;
		if (w >= this.words.length) {
			const bigger = new Uint32Array(Math.max(2 * this.words.length, w + 1));
			bigger.set(this.words);
			this.words = bigger;
		}
		this.words[w] |= 1 << (d & 31);
	}
	take(size: number): Bitset {
		const bits = emptyBitset(size);
		bits.set(this.words.subarray(0, bits.length));
		return bits;
	}
}

/**
 * Builds one attribute's FacetField from documents added in order, so that all fields fill in one pass
 * over the documents (each document is read once, while it is in cache) and while pages still arrive.
 */
/**
 * The order of a field's values for facet sorting by name: numbers first, by value, then strings by their
 * normalised key. The build and the incremental writes share it, so a value lands in the same place
 * however the index came about.
 */
export function facetValueOrder(
	numeric: Float64Array,
	key: (value: number) => string
): (a: number, b: number) => number {
	return (a, b) => {
		const na = numeric[a];
		const nb = numeric[b];
		const aNum = !Number.isNaN(na);
		const bNum = !Number.isNaN(nb);
		if (aNum && bNum) return na - nb;
		if (aNum !== bNum) return aNum ? -1 : 1;
		const ka = key(a);
		const kb = key(b);
		return ka < kb ? -1 : ka > kb ? 1 : 0;
	};
}

export class FacetFieldBuilder {
	private size = 0;
	private readonly display: string[] = [];
	private readonly numericList: number[] = [];
	private readonly byString = new Map<string, number>();
	private readonly byNumber = new Map<number, number>();
	/** Strings as documents spell them: a repeated spelling skips normalising. */
	private readonly byRaw = new Map<string, number>();
	/** Per value id: documents holding it, and the last one counted (a repeat in a document counts once). */
	private readonly counts: number[] = [];
	private readonly lastDoc: number[] = [];
	private readonly docOffsets: Column<Uint32Array>;
	private readonly docValues = new Column(uint32);
	private readonly numOffsets: Column<Uint32Array>;
	private readonly numValues = new Column(float64);
	private readonly exists = new GrowingBits();
	private readonly nulls = new GrowingBits();
	private readonly empties = new GrowingBits();

	/** `expected`: how many documents will be added, if known. */
	constructor(
		readonly attribute: string,
		expected?: number
	) {
		const offsets = expected === undefined ? undefined : expected + 1;
		this.docOffsets = new Column(uint32, offsets);
		this.numOffsets = new Column(uint32, offsets);
	}

	add(value: unknown): void {
		const d = this.size++;
		this.docOffsets.push(this.docValues.length);
		this.numOffsets.push(this.numValues.length);
		if (value === undefined) return;
		this.exists.set(d);
		if (value === null) this.nulls.set(d);
		else if (value === '' || (Array.isArray(value) && value.length === 0)) this.empties.set(d);
		else if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)
			this.empties.set(d);
		if (Array.isArray(value)) this.addAll(value, d);
		else this.addLeaf(value, d);
	}

	private addAll(values: readonly unknown[], d: number): void {
		for (const value of values) {
			if (Array.isArray(value)) this.addAll(value, d);
			else this.addLeaf(value, d);
		}
	}

	private addLeaf(leaf: unknown, d: number): void {
		let id: number;
		if (typeof leaf === 'string') id = this.byRaw.get(leaf) ?? this.stringId(leaf);
		else if (typeof leaf === 'number') {
			if (!Number.isFinite(leaf)) return;
			id = this.byNumber.get(leaf) ?? this.numberId(leaf);
		}
		// Meilisearch indexes booleans as the strings "true" / "false".
		else if (typeof leaf === 'boolean') id = this.stringId(String(leaf));
		else return;
		if (this.lastDoc[id] !== d) {
			this.lastDoc[id] = d;
			this.counts[id]++;
			this.docValues.push(id);
		}
		if (typeof leaf === 'number') this.numValues.push(leaf);
	}

	private stringId(text: string): number {
		const key = normalizeFacetValue(text);
		let id = this.byString.get(key);
		if (id === undefined) {
			id = this.newValue(text, Number.NaN);
			this.byString.set(key, id);
		}
		this.byRaw.set(text, id);
		return id;
	}

	private numberId(value: number): number {
		const id = this.newValue(String(value), value);
		this.byNumber.set(value, id);
		return id;
	}

	private newValue(display: string, numeric: number): number {
		const id = this.display.length;
		this.display.push(display);
		this.numericList.push(numeric);
		this.counts.push(0);
		this.lastDoc.push(-1);
		return id;
	}

	finish(): FacetField {
		const { size, display, counts } = this;
		this.docOffsets.push(this.docValues.length);
		this.numOffsets.push(this.numValues.length);
		const docOffsets = this.docOffsets.take();
		const docValues = this.docValues.take();

		const numeric = Float64Array.from(this.numericList);
		const searchable = display.map((v, i) => (Number.isNaN(numeric[i]) ? normalizeText(v).trim() : v));
		const keys = display.map((v) => normalizeFacetValue(v));
		const alphaOrder = Uint32Array.from(display.keys()).sort(facetValueOrder(numeric, (v) => keys[v]));

		// Counted first, so each value's postings fill in document order straight into their own array.
		const postings = counts.map((n) => new Uint32Array(n));
		const fill = new Uint32Array(postings.length);
		for (let d = 0; d < size; d++) {
			for (let k = docOffsets[d]; k < docOffsets[d + 1]; k++) {
				const v = docValues[k];
				postings[v][fill[v]++] = d;
			}
		}
		const words = (size + 31) >>> 5;
		const dense = postings.map((list) => (list.length <= words ? null : bitsetFromIds(size, list)));
		return {
			attribute: this.attribute,
			display,
			numeric,
			searchable,
			alphaOrder,
			byString: this.byString,
			byNumber: this.byNumber,
			postings,
			dense,
			valueScanCost: postings.reduce((sum, list) => sum + Math.min(list.length, words), 0),
			valuesPerDocument: size === 0 ? 0 : docValues.length / size,
			docOffsets,
			docValues,
			numOffsets: this.numOffsets.take(),
			numValues: this.numValues.take(),
			exists: this.exists.take(size),
			nulls: this.nulls.take(size),
			empties: this.empties.take(size)
		};
	}
}
