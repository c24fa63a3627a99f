import { afterEach, describe, expect, it, vi } from 'vitest';
import { QUERY_CAPS } from '../text/query-cap';
import { MeilisearchSearchEngine } from './meilisearch-engine';

// Meilisearch reads ten words itself, but a 60 KB query should not even travel there.
describe('the Meilisearch engine', () => {
	const sent: unknown[] = [];
	const answer = (body: unknown) =>
		new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
	afterEach(() => {
		vi.unstubAllGlobals();
		sent.length = 0;
	});
	const engine = () => {
		vi.stubGlobal(
			'fetch',
			vi.fn(async (_url: string, init: RequestInit) => {
				const body = JSON.parse(String(init.body));
				sent.push(body);
				return body.queries
					? answer({ results: body.queries.map(() => ({ hits: [], query: '', processingTimeMs: 0 })) })
					: answer({ facetHits: [], facetQuery: body.facetQuery ?? null, processingTimeMs: 0 });
			})
		);
		return new MeilisearchSearchEngine({ host: 'http://meili.invalid:7700', apiKey: 'test' });
	};
	const huge = 'k'.repeat(60_000);

	it('sends a capped q in a multi-search', async () => {
		await engine().multiSearch({ queries: [{ indexUid: 'profiles', q: huge }] });
		expect(sent).toEqual([
			{ queries: [expect.objectContaining({ q: 'k'.repeat(QUERY_CAPS.maxWordLength) })] }
		]);
	});

	it('sends a capped q and facet query in a facet search', async () => {
		await engine().facetSearch('profiles', { facetName: 'sectors', q: huge, facetQuery: huge });
		expect(sent).toEqual([
			expect.objectContaining({
				q: 'k'.repeat(QUERY_CAPS.maxWordLength),
				facetQuery: 'k'.repeat(QUERY_CAPS.maxFacetQueryLength)
			})
		]);
	});
});
