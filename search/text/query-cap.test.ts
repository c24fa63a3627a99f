import { describe, expect, it } from 'vitest';
import { capFacetQuery, capQuery, QUERY_CAPS } from './query-cap';

describe('capQuery', () => {
	it('leaves an ordinary query exactly as typed', () => {
		for (const q of ['', 'kok', 'kok ', '"vaste klant" -nacht', 'coördinator   logistiek', 'de kok in de']) {
			expect(capQuery(q, ['de', 'in'])).toBe(q);
		}
	});

	it('cuts one enormous word to a length no indexed word reaches', () => {
		const capped = capQuery('k'.repeat(60_000));
		expect(capped).toBe('k'.repeat(QUERY_CAPS.maxWordLength));
	});

	it('keeps the first ten words that are not stop words, the tenth as a whole word', () => {
		const words = Array.from({ length: 12 }, (_, i) => `woord${i + 1}`);
		expect(capQuery(words.join(' '))).toBe(words.slice(0, 10).join(' ') + ' ');
		const withStopWords = ['de', ...words].join(' de ');
		expect(capQuery(withStopWords, ['de'])).toBe(['de', ...words.slice(0, 10)].join(' de ') + ' ');
	});

	it('reads no further than its length cap, whatever the separators', () => {
		const capped = capQuery('kok' + ' '.repeat(100_000) + 'chauffeur');
		expect(capped.length).toBeLessThanOrEqual(QUERY_CAPS.maxLength);
		expect(capped.startsWith('kok')).toBe(true);
	});

	it('never leaves half a character behind', () => {
		const capped = capQuery('😀'.repeat(QUERY_CAPS.maxLength));
		expect(capped).not.toMatch(/[\uD800-\uDBFF]$/);
	});
});

describe('capFacetQuery', () => {
	it('cuts a facet query to the length of a facet label', () => {
		expect(capFacetQuery('zorg')).toBe('zorg');
		expect(capFacetQuery('z'.repeat(60_000))).toHaveLength(QUERY_CAPS.maxFacetQueryLength);
	});
});
