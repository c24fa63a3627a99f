/**
 * Inverted index of the searchable attributes: a radix-tree vocabulary (MiniSearch's SearchableMap,
 * for prefix and typo lookups) mapping each word to the documents containing it and, per document, the
 * best (lowest) searchable-attribute rank the word occurs in.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { tokenize } from '../text/normalize';

export interface TextIndex {
	vocabulary: SearchableMap<number>;
	/** Per word id: documents in ascending order. */
	docs: Uint32Array[];
	/** Per word id, parallel to docs: attribute rank of the word's best occurrence. */
	attributes: Uint8Array[];
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

	// Pass 1: each document's distinct words with their best attribute, in one flat stream.
	const words = new Growable(new Uint32Array(1 << 16), (n) => new Uint32Array(n));
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
						ids.set(word, id);
						counts.push(0);
						lastDoc.push(-1);
					}
					// Attributes are visited in rank order, so the first occurrence is the best one.
					if (lastDoc[id] !== d) {
						lastDoc[id] = d;
						counts[id]++;
						words.push(id);
						ranks.push(rank);
					}
				}
			}
		}
		docEnd[d] = words.length;
	}

	// Pass 2: exact-size posting lists, filled in document order.
	const docs = counts.map((c) => new Uint32Array(c));
	const attributes = counts.map((c) => new Uint8Array(c));
	const fill = new Uint32Array(counts.length);
	let j = 0;
	for (let d = 0; d < documents.length; d++) {
		for (; j < docEnd[d]; j++) {
			const id = words.data[j];
			docs[id][fill[id]] = d;
			attributes[id][fill[id]] = ranks.data[j];
			fill[id]++;
		}
	}
	const vocabulary = new SearchableMap<number>();
	for (const [word, id] of ids) vocabulary.set(word, id);
	return { vocabulary, docs, attributes };
}
