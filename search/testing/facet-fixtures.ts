/** Shared by the facet-counting tests: random indexes, some changed by writes, and the plain count. */
import type { EmbeddedIndex } from '../embedded/build-index';
import { createEmbeddedEngine } from '../embedded/embedded-engine';
import { randomProfileDocuments } from './random-documents';

/** Each value's count over the hits, walking every hit's values: the definition the fast ways must meet. */
export function plainCounts(index: EmbeddedIndex, attribute: string, hits: readonly number[]): number[] {
	const field = index.facets.get(attribute)!;
	const counts = new Array<number>(field.display.length).fill(0);
	for (const d of hits) {
		for (let j = field.docOffsets[d]; j < field.docOffsets[d + 1]; j++) counts[field.docValues[j]]++;
	}
	return counts;
}

/** An index of `size` random documents, `writes` of them replaced and added through upserts, one removed. */
export async function indexWithWrites(size: number, seed: number, writes: number): Promise<EmbeddedIndex> {
	const documents = randomProfileDocuments(size, seed);
	const engine = createEmbeddedEngine({ documents: documents.slice(0, size - writes) });
	// Replace some documents with others' values and add the rest: the merged fields must count alike.
	if (writes > 0) {
		const changed = documents.slice(0, writes).map((doc, i) => ({ ...documents[size - 1 - i], id: doc.id }));
		await engine.upsert(changed);
		await engine.upsert(documents.slice(size - writes));
		await engine.remove([documents[writes].id]);
	}
	return engine.snapshot;
}
