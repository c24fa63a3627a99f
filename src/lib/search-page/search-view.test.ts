import { describe, expect, it } from 'vitest';
import type { Hit } from '$search/engine';
import { randomProfileDocuments } from '$search/testing/random-documents';
import { buildSearchRequest } from './search-query';
import { searchStateFromParams } from './search-state';
import { HIT_ATTRIBUTES, highlightParts, toHitView } from './search-view';

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

describe('HIT_ATTRIBUTES', () => {
	it('holds everything a result card shows: the card is the same from those attributes alone', () => {
		for (const document of randomProfileDocuments(50, 3)) {
			const hit = document as unknown as Hit;
			const asked = Object.fromEntries(HIT_ATTRIBUTES.map((a) => [a, hit[a]])) as Hit;
			expect(toHitView(asked, { title: 'a __ais-highlight__b__/ais-highlight__' })).toEqual(
				toHitView(hit, { title: 'a __ais-highlight__b__/ais-highlight__' })
			);
		}
	});

	it('is what the page search asks for, not whole documents', () => {
		const [main] = buildSearchRequest(
			searchStateFromParams(new URLSearchParams('q=kok')),
			null,
			new Date()
		).queries;
		expect(main.attributesToRetrieve).toEqual([...HIT_ATTRIBUTES]);
	});
});
