/**
 * Writes (`upsert`, `remove`) as the index sync applies them, one profile at a time: what they change
 * must show in results and facet counts at once, and the engine must then answer exactly as one built
 * from scratch over the same documents, in Meilisearch's order (a replaced document keeps its place,
 * a new one comes last). Guards any incremental implementation of the writes.
 */
import { describe, expect, it } from 'vitest';
import type { ProfileDocument } from '../document';
import type { SearchEngine, SearchQuery } from '../engine';
import { randomProfileDocuments } from '../testing/random-documents';
import { createEmbeddedEngine } from './embedded-engine';
import { createWorkerEngine } from './worker-engine';

const documents = randomProfileDocuments(600, 21);
const FACETS = ['sectors', 'taskTypes', 'region', 'municipality', 'hoursPerWeek'];

const QUERIES: SearchQuery[] = [
	{ indexUid: 'profiles', q: '', facets: FACETS, hitsPerPage: 20, page: 1 },
	{ indexUid: 'profiles', q: 'zeldzaamwoord', facets: FACETS, hitsPerPage: 20, page: 1 },
	{ indexUid: 'profiles', q: 'wil werken', facets: FACETS, hitsPerPage: 20, page: 2 },
	{ indexUid: 'profiles', q: 'k', facets: FACETS, hitsPerPage: 20, page: 1 },
	{
		indexUid: 'profiles',
		q: 'kassa',
		filter: 'region = "AM07" OR sectors = "zorg"',
		facets: FACETS,
		limit: 30
	},
	{
		indexUid: 'profiles',
		q: '',
		filter: 'hoursMin >= 12',
		sort: ['updatedAt:desc'],
		facets: FACETS,
		limit: 25
	},
	{ indexUid: 'profiles', q: 'schoonmaak', sort: ['_geoPoint(52.1, 5.1):asc'], limit: 10 }
];

async function answers(engine: SearchEngine) {
	const { results } = await engine.multiSearch({ queries: QUERIES });
	return results.map(({ processingTimeMs: _, ...rest }) => rest);
}

const changed: ProfileDocument = {
	...documents[10],
	title: 'Zeldzaamwoord in de kassa',
	sectors: ['zorg'],
	region: 'AM07'
};
const added: ProfileDocument = { ...documents[3], id: 'KV-NEW-0001', title: 'Zeldzaamwoord en meer' };
const removed = [documents[0].id, documents[400].id];
/** The same documents in the order Meilisearch keeps them after these writes. */
const expected = [...documents.map((d) => (d.id === changed.id ? changed : d)), added].filter(
	(d) => !removed.includes(d.id)
);

const engines: [string, () => SearchEngine & { close?: () => Promise<void> }][] = [
	['embedded engine', () => createEmbeddedEngine({ documents })],
	['embedded engine in worker threads', () => createWorkerEngine({ documents, threads: 2 })]
];

describe.each(engines)('upsert and remove on the %s', (_, create) => {
	it('shows each write in results and facet counts at once, as a rebuild from scratch would', async () => {
		const engine = create();
		const rebuilt = createEmbeddedEngine({ documents: expected });
		try {
			const before = (await engine.multiSearch({ queries: [QUERIES[1]] })).results[0];
			expect(before.hits).toEqual([]);
			const sectorsBefore = (await engine.multiSearch({ queries: [QUERIES[0]] })).results[0]
				.facetDistribution!.sectors;

			await engine.upsert([changed, added]);
			await engine.remove(removed);

			const after = (await engine.multiSearch({ queries: [QUERIES[1]] })).results[0];
			expect(after.hits.map((h) => h.id)).toEqual([changed.id, added.id]);
			expect(after.facetDistribution!.region.AM07).toBeGreaterThanOrEqual(1);
			const sectorsAfter = (await engine.multiSearch({ queries: [QUERIES[0]] })).results[0].facetDistribution!
				.sectors;
			const gone = documents.filter((d) => removed.includes(d.id));
			const delta = (d: ProfileDocument) => (d.sectors.includes('zorg') ? 1 : 0);
			expect(sectorsAfter.zorg).toBe(
				sectorsBefore.zorg - delta(documents[10]) + 1 + delta(added) - gone.reduce((n, d) => n + delta(d), 0)
			);
			expect(await engine.count()).toBe(expected.length);
			expect(await answers(engine)).toEqual(await answers(rebuilt));
		} finally {
			await engine.close?.();
		}
	});

	it('ignores the removal of an id it does not hold and treats a repeated upsert as one', async () => {
		const engine = create();
		try {
			await engine.remove(['KV-DOES-NOT-EXIST']);
			await engine.upsert([changed]);
			await engine.upsert([changed]);
			const rebuilt = createEmbeddedEngine({
				documents: documents.map((d) => (d.id === changed.id ? changed : d))
			});
			expect(await answers(engine)).toEqual(await answers(rebuilt));
		} finally {
			await engine.close?.();
		}
	});
});
