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

function textOf(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (Array.isArray(value)) return value.map(textOf).join(' . ');
	return String(value);
}

export function buildTextIndex(
	documents: readonly Record<string, unknown>[],
	searchable: readonly string[],
	stopWords: ReadonlySet<string>
): TextIndex {
	const ids = new Map<string, number>();
	const docLists: number[][] = [];
	const attrLists: number[][] = [];
	const lastDoc: number[] = [];
	for (let d = 0; d < documents.length; d++) {
		const doc = documents[d];
		for (let rank = 0; rank < searchable.length; rank++) {
			for (const word of tokenize(textOf(doc[searchable[rank]]))) {
				if (stopWords.has(word)) continue;
				let id = ids.get(word);
				if (id === undefined) {
					id = docLists.length;
					ids.set(word, id);
					docLists.push([]);
					attrLists.push([]);
					lastDoc.push(-1);
				}
				// Attributes are visited in rank order, so the first occurrence is the best one.
				if (lastDoc[id] !== d) {
					lastDoc[id] = d;
					docLists[id].push(d);
					attrLists[id].push(rank);
				}
			}
		}
	}
	const vocabulary = new SearchableMap<number>();
	for (const [word, id] of ids) vocabulary.set(word, id);
	return {
		vocabulary,
		docs: docLists.map((l) => Uint32Array.from(l)),
		attributes: attrLists.map((l) => Uint8Array.from(l))
	};
}
