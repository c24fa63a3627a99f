/**
 * Where each word stands in each document, for the query semantics that depend on word order: phrases,
 * split words and multi-word synonyms (words that must stand together) and the proximity rule.
 *
 * Positions follow Meilisearch: the next word is one further, a hard separator (end of a sentence, a
 * semicolon, a bracket) counts as eight, and so does the step from one array element to the next, so
 * "Schoonmaak" and "Keuken" as two labels never read as a phrase. Each attribute starts its own range,
 * far from the others. Stop words are not indexed but keep their place, as Meilisearch keeps theirs.
 * Built together with the text index (text-builder.ts).
 */

/** Word id of a token that is not indexed (a stop word): it holds a place but matches no query word. */
export const UNINDEXED = 0xffffffff;
/** Distance of a hard separator, and the largest distance the proximity rule tells apart. */
export const HARD_DISTANCE = 8;
export const ATTRIBUTE_SPAN = 1 << 16;

export interface WordPositions {
	/** Tokens of document d: words/positions[offsets[d] .. offsets[d + 1]), in reading order. */
	offsets: Uint32Array;
	words: Uint32Array;
	/** attribute rank × 65536 + position within the attribute. */
	positions: Uint32Array;
}

export function attributeOfPosition(position: number): number {
	return Math.floor(position / ATTRIBUTE_SPAN);
}
