/**
 * Inverted index of the searchable attributes: the sorted vocabulary mapping each word to the documents
 * containing it and, per document, the best (lowest) searchable-attribute rank the word occurs in.
 *
 * Word ids follow the sorted vocabulary, so the words extending a prefix are one id range, and posting
 * lists are laid out back to back in id order: a prefix's postings are one contiguous slice, scanned
 * without expanding thousands of words into objects.
 */

/**
 * Word to id by binary search in the sorted words: nothing to rebuild when an incremental write shifts
 * the ids, and no second copy of 80k words on the heap.
 */
export class Vocabulary {
	constructor(private readonly words: readonly string[]) {}

	get(word: string): number | undefined {
		const { words } = this;
		let lo = 0;
		let hi = words.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (words[mid] < word) lo = mid + 1;
			else hi = mid;
		}
		return lo < words.length && words[lo] === word ? lo : undefined;
	}
}

export interface TextIndex {
	vocabulary: Vocabulary;
	/** Per word id: the word, in ascending (code unit) order. */
	words: string[];
	/** Postings of word id w: postingDocs[offsets[w] .. offsets[w + 1]), documents ascending. */
	offsets: Uint32Array;
	postingDocs: Uint32Array;
	/** Parallel to postingDocs: attribute rank of the word's best occurrence in the document. */
	postingAttributes: Uint8Array;
}

/** Ids of the words starting with `prefix`, as the half-open range [from, to). */
export function prefixRange(text: TextIndex, prefix: string): { from: number; to: number } {
	const { words } = text;
	let lo = 0;
	let hi = words.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (words[mid] < prefix) lo = mid + 1;
		else hi = mid;
	}
	const from = lo;
	hi = words.length;
	// Past `from`, the words extending the prefix come first: startsWith is true, then false.
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (words[mid].startsWith(prefix)) lo = mid + 1;
		else hi = mid;
	}
	return { from, to: lo };
}
