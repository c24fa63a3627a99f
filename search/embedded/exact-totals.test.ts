import { describe, expect, it } from 'vitest';
import { isPagedResult } from '../engine';
import { randomProfileDocuments } from '../testing/random-documents';
import { createEmbeddedEngine } from './embedded-engine';

describe('totals beyond a thousand hits', () => {
	const documents = randomProfileDocuments(2_500, 3);
	const engine = createEmbeddedEngine({ documents });
	const search = async (query: Record<string, unknown>) =>
		(await engine.multiSearch({ queries: [{ indexUid: 'profiles', ...query }] })).results[0];

	it('counts every published profile, in both pagination modes', async () => {
		const offset = await search({ limit: 0 });
		expect(isPagedResult(offset) ? offset.totalHits : offset.estimatedTotalHits).toBe(2_500);
		const paged = await search({ hitsPerPage: 20, page: 1 });
		expect(paged).toMatchObject({ totalHits: 2_500, totalPages: 125 });
	});

	it('agrees with the facet counts under a filter', async () => {
		const r = await search({ filter: 'region != AM01', facets: ['region'], hitsPerPage: 0 });
		const facet = r.facetDistribution?.region ?? {};
		const sum = Object.values(facet).reduce((a, b) => a + b, 0);
		expect(sum).toBeGreaterThan(1_000);
		expect(isPagedResult(r) && r.totalHits).toBe(sum);
	});
});
