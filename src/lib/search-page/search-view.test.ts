import { describe, expect, it } from 'vitest';
import { highlightParts } from './search-view';

describe('highlightParts', () => {
	it('splits highlighted text into plain and matched parts, never HTML', () => {
		expect(highlightParts('Wil werken in __ais-highlight__magazijn__/ais-highlight__ <b>')).toEqual([
			{ text: 'Wil werken in ', match: false },
			{ text: 'magazijn', match: true },
			{ text: ' <b>', match: false }
		]);
	});

	it('keeps text with an unclosed tag as plain text', () => {
		expect(highlightParts('a __ais-highlight__b')).toEqual([{ text: 'a __ais-highlight__b', match: false }]);
		expect(highlightParts(undefined)).toEqual([]);
	});
});
