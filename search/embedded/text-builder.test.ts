import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../text/normalize';
import { FOLD_LIMIT, TextBuilder } from './text-builder';
import { ATTRIBUTE_SPAN, HARD_DISTANCE, UNINDEXED } from './word-positions';

const ATTRIBUTES = ['title', 'labels', 'summary'];
const STOP_WORDS = new Set(['de', 'en', 'medewerker']);
const HARD = /[.;:!?()[\]{}|\n\r\u2026]/;

/**
 * The index the builder must produce, written the plain way: each text normalised as a whole, its words
 * found with the regex `tokenize` uses, distances from the separators between them.
 */
function reference(documents: Record<string, unknown>[]) {
	const perDocument = documents.map((doc) => {
		const tokens: { word: string; position: number }[] = [];
		ATTRIBUTES.forEach((attribute, rank) => {
			const value = doc[attribute];
			const texts = (Array.isArray(value) ? value.flat(Infinity) : [value])
				.filter((v) => v !== null && v !== undefined)
				.map(String);
			let next = 0;
			for (const text of texts) {
				const normalized = normalizeText(text);
				let position = 0;
				let previousEnd = -1;
				for (const match of normalized.matchAll(/[\p{L}\p{N}]+/gu)) {
					if (previousEnd >= 0)
						position += HARD.test(normalized.slice(previousEnd, match.index)) ? HARD_DISTANCE : 1;
					tokens.push({
						word: match[0],
						position: Math.min(rank * ATTRIBUTE_SPAN + next + position, (rank + 1) * ATTRIBUTE_SPAN - 1)
					});
					previousEnd = match.index + match[0].length;
				}
				next += position + HARD_DISTANCE;
			}
		});
		return tokens;
	});
	const words = [...new Set(perDocument.flat().map((t) => t.word))]
		.filter((w) => !STOP_WORDS.has(w))
		.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	const id = new Map(words.map((w, i) => [w, i]));
	const postings = words.map((word) =>
		perDocument.flatMap((tokens, d) => {
			const first = tokens.find((t) => t.word === word);
			return first ? [[d, Math.floor(first.position / ATTRIBUTE_SPAN)]] : [];
		})
	);
	return {
		words,
		postings,
		tokens: perDocument.map((tokens) =>
			tokens.map((t) => [STOP_WORDS.has(t.word) ? UNINDEXED : id.get(t.word), t.position])
		)
	};
}

function built(documents: Record<string, unknown>[]) {
	const builder = new TextBuilder(ATTRIBUTES, STOP_WORDS);
	for (const doc of documents) builder.add(doc);
	const { text, positions } = builder.finish();
	return {
		words: text.words,
		postings: text.words.map((_, w) =>
			Array.from({ length: text.offsets[w + 1] - text.offsets[w] }, (_, k) => [
				text.postingDocs[text.offsets[w] + k],
				text.postingAttributes[text.offsets[w] + k]
			])
		),
		tokens: documents.map((_, d) =>
			Array.from({ length: positions.offsets[d + 1] - positions.offsets[d] }, (_, k) => [
				positions.words[positions.offsets[d] + k],
				positions.positions[positions.offsets[d] + k]
			])
		)
	};
}

// Word pieces in upper and lower case, with accents, ligatures, a letter beyond the BMP, digits, and
// separators soft and hard: every branch of the builder's scanner.
const PIECES = [
	'kok',
	'Kok',
	'KEUKEN',
	'de',
	'De',
	'medewerker',
	'café',
	'Coördinator',
	'ÉÉN',
	'straße',
	'ﬁets',
	'İstanbul',
	'ǅemal',
	'𝐀bc',
	'ⅻ',
	'42',
	'mbo2',
	'x',
	'langewoordenlijstje',
	'Langewoordenlijstjë',
	' ',
	'  ',
	', ',
	'-',
	'. ',
	';',
	'(',
	')',
	'…',
	'\n',
	'\u0301',
	'\ud800',
	'é'
];
const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join(''));
const valueArb = fc.oneof(
	textArb,
	fc.array(textArb, { maxLength: 3 }),
	fc.constant(null),
	fc.constant(undefined),
	fc.integer({ min: 0, max: 99 })
);
const documentArb = fc.record({ title: valueArb, labels: valueArb, summary: valueArb });

describe('text builder', () => {
	it('builds the vocabulary, postings and positions of the plain tokenisation', () => {
		fc.assert(
			fc.property(fc.array(documentArb, { maxLength: 12 }), (documents) => {
				expect(built(documents)).toEqual(reference(documents));
			}),
			{ numRuns: 300 }
		);
	});

	// Texts below U+0250 are folded character by character: every such character, alone, inside and
	// between words, in upper and lower case, must give what normalising the whole text gives.
	it('folds every character below U+0250 as normalising the whole text does', () => {
		const documents = Array.from({ length: 0x250 - 0x80 }, (_, i) => {
			const c = String.fromCharCode(0x80 + i);
			expect(normalizeText(c).length).toBeLessThanOrEqual(FOLD_LIMIT);
			return {
				title: `ab${c}cd ${c} ${c}${c}.x`,
				labels: [`${c}Kok`, `KOK${c}`, c],
				summary: `Straße ${c.toUpperCase()}${c.toLowerCase()} 42${c}; é${c}é`
			};
		});
		// A word longer than the builder's 4096-unit pieces.
		documents.push({ title: 'x', labels: [], summary: `kort ${'Ab'.repeat(3000)}é lang` });
		expect(built(documents)).toEqual(reference(documents));
	});
});
