import { describe, expect, it, vi } from 'vitest';
import { FIXTURE_DOCUMENTS } from '../conformance/fixture-documents';
import { QUERY_CAPS } from '../text/query-cap';
import { EmbeddedSearchEngine } from './embedded-engine';
import { fuzzyWords } from './fuzzy-words';

// Every typo lookup goes through fuzzyWords: watch what it is handed.
vi.mock('./fuzzy-words', async (original) => {
	const actual = await original<typeof import('./fuzzy-words')>();
	return { fuzzyWords: vi.fn(actual.fuzzyWords) };
});

// Typo matching costs time in proportion to the word's length: the engine must never be handed a
// 60 KB word, whichever path the query took to get here.
describe('the embedded engine under an enormous query', () => {
	const engine = new EmbeddedSearchEngine({ documents: FIXTURE_DOCUMENTS });
	const fuzzy = vi.mocked(fuzzyWords);
	const longestWordMatched = () => Math.max(0, ...fuzzy.mock.calls.map(([, word]) => word.length));
	const huge = 'k'.repeat(60_000);

	it('matches at most a capped word in a search', async () => {
		fuzzy.mockClear();
		const { results } = await engine.multiSearch({ queries: [{ indexUid: 'profiles', q: `${huge} ` }] });
		expect(results[0].hits).toEqual([]);
		expect(longestWordMatched()).toBeLessThanOrEqual(QUERY_CAPS.maxWordLength);
		expect(fuzzy).toHaveBeenCalled();
	});

	it('matches at most a capped word in a facet search, and answers a huge facet query', async () => {
		fuzzy.mockClear();
		const response = await engine.facetSearch('profiles', {
			facetName: 'sectors',
			q: `${huge} `,
			facetQuery: huge
		});
		expect(response.facetHits).toEqual([]);
		expect(longestWordMatched()).toBeLessThanOrEqual(QUERY_CAPS.maxWordLength);
	});

	it('reads at most ten words, as Meilisearch does', async () => {
		fuzzy.mockClear();
		const words = Array.from({ length: 500 }, (_, i) => `woordje${i}`).join(' ');
		await engine.multiSearch({ queries: [{ indexUid: 'profiles', q: words }] });
		// Each word is looked up, and so are runs of neighbouring words written as one: all from the first ten.
		expect(fuzzy).toHaveBeenCalled();
		for (const [, word] of fuzzy.mock.calls) expect(word).toMatch(/^(woordje[0-9])+$/);
	});
});
