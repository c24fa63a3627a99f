import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText, tokenizeWithOffsets } from './normalize';

/** The general definition: a letter or digit, then letters, digits and marks; each word normalised. */
function reference(text: string) {
	return [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu)]
		.map((m) => ({ start: m.index, end: m.index + m[0].length, normalized: normalizeText(m[0]) }))
		.filter((t) => t.normalized !== '');
}

describe('tokenizeWithOffsets', () => {
	it('splits plain ASCII text as the general definition does', () => {
		const char = fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c));
		fc.assert(
			fc.property(fc.string({ unit: char }), (text) => {
				expect(tokenizeWithOffsets(text)).toEqual(reference(text));
			}),
			{ numRuns: 500 }
		);
	});

	it('splits text with accents, marks and other scripts as the general definition does', () => {
		const pieces = [
			'Coördinator',
			'é',
			'e\u0301',
			'\u0301x',
			'ß',
			'İ',
			'日本',
			'٣',
			' ',
			'-',
			'A1',
			'…',
			'𝒜',
			'😀',
			'\ud800',
			'Ⅻ',
			'\u0300'
		];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
				const text = parts.join('');
				expect(tokenizeWithOffsets(text)).toEqual(reference(text));
			}),
			{ numRuns: 300 }
		);
	});
});
