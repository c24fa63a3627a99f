import { describe, expect, it, vi } from 'vitest';
import { FIXTURE_DOCUMENTS } from '../conformance/fixture-documents';
import { QUERY_CAPS } from '../text/query-cap';
import { EmbeddedSearchEngine } from './embedded-engine';

// Typo matching costs time in proportion to the word's length: the engine must never be handed a
// 60 KB word, whichever path the query took to get here.
describe('the embedded engine under an enormous query', () => {
	const engine = new EmbeddedSearchEngine({ documents: FIXTURE_DOCUMENTS });
	const fuzzy = vi.spyOn(engine.snapshot.text.vocabulary, 'fuzzyGet');
	const longestWordMatched = () => Math.max(0, ...fuzzy.mock.calls.map(([word]) => word.length));
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
		expect(fuzzy.mock.calls.length).toBeLessThanOrEqual(QUERY_CAPS.maxWords);
	});
});
