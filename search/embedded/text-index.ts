/**
 * Inverted index of the searchable attributes: the sorted vocabulary mapping each word to the documents
 * containing it and, per document, the best (lowest) searchable-attribute rank the word occurs in.
 *
 * Word ids follow the sorted vocabulary, so the words extending a prefix are one id range, and posting
 * lists are laid out back to back in id order: a prefix's postings are one contiguous slice, scanned
 * without expanding thousands of words into objects.
 */
import { tokenize } from '../text/normalize';

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

function textsOf(value: unknown, out: string[] = []): string[] {
	if (Array.isArray(value)) for (const v of value) textsOf(v, out);
	else if (value !== null && value !== undefined) out.push(String(value));
	return out;
}

/** A growable typed buffer: posting entries are collected flat to spare the garbage collector. */
class Growable<T extends Uint32Array | Uint8Array> {
	length = 0;
	constructor(
		public data: T,
		private readonly make: (size: number) => T
	) {}
	push(value: number): void {
		if (this.length === this.data.length) {
			const bigger = this.make(this.data.length * 2);
			bigger.set(this.data);
			this.data = bigger;
		}
		this.data[this.length++] = value;
	}
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

export function buildTextIndex(
	documents: readonly Record<string, unknown>[],
	searchable: readonly string[],
	stopWords: ReadonlySet<string>
): TextIndex {
	const ids = new Map<string, number>();
	const counts: number[] = [];
	const lastDoc: number[] = [];
	// Labels and place names repeat across thousands of profiles: tokenise each distinct one once.
	const tokenCache = new Map<string, string[]>();
	const tokensOf = (text: string): string[] => {
		if (text.length > 80) return tokenize(text);
		let tokens = tokenCache.get(text);
		if (!tokens) {
			tokens = tokenize(text);
			tokenCache.set(text, tokens);
		}
		return tokens;
	};

	// Pass 1: each document's distinct words (by first-seen id) with their best attribute, in one flat stream.
	const seen = new Growable(new Uint32Array(1 << 16), (n) => new Uint32Array(n));
	const ranks = new Growable(new Uint8Array(1 << 16), (n) => new Uint8Array(n));
	const docEnd = new Uint32Array(documents.length);
	for (let d = 0; d < documents.length; d++) {
		const doc = documents[d];
		for (let rank = 0; rank < searchable.length; rank++) {
			for (const text of textsOf(doc[searchable[rank]])) {
				for (const word of tokensOf(text)) {
					if (stopWords.has(word)) continue;
					let id = ids.get(word);
					if (id === undefined) {
						id = counts.length;
						// A copy: a long token is a slice of its whole normalised text and would keep that alive.
						ids.set(word.length >= 13 ? flatCopy(word) : word, id);
						counts.push(0);
						lastDoc.push(-1);
					}
					// Attributes are visited in rank order, so the first occurrence is the best one.
					if (lastDoc[id] !== d) {
						lastDoc[id] = d;
						counts[id]++;
						seen.push(id);
						ranks.push(rank);
					}
				}
			}
		}
		docEnd[d] = seen.length;
	}

	const words = [...ids.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	const finalId = new Uint32Array(words.length);
	for (let w = 0; w < words.length; w++) finalId[ids.get(words[w])!] = w;
	const offsets = new Uint32Array(words.length + 1);
	for (let w = 0; w < words.length; w++) offsets[w + 1] = offsets[w] + counts[ids.get(words[w])!];

	// Pass 2: documents are visited in order, so each posting list fills in ascending document order.
	const postingDocs = new Uint32Array(seen.length);
	const postingAttributes = new Uint8Array(seen.length);
	const fill = offsets.slice(0, words.length);
	let j = 0;
	for (let d = 0; d < documents.length; d++) {
		for (; j < docEnd[d]; j++) {
			const w = finalId[seen.data[j]];
			const at = fill[w]++;
			postingDocs[at] = d;
			postingAttributes[at] = ranks.data[j];
		}
	}
	return { vocabulary: new Vocabulary(words), words, offsets, postingDocs, postingAttributes };
}

/** A string of its own: V8 keeps substrings of 13+ characters as views of their parent string. */
function flatCopy(word: string): string {
	return Buffer.from(word, 'utf8').toString('utf8');
}
