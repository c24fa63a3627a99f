/**
 * Writes (`upsert`, `remove`) as the index sync applies them, one profile at a time: what they change
 * must show in results and facet counts at once, and the engine must then answer exactly as one built
 * from scratch over the same documents, in Meilisearch's order (a replaced document keeps its place,
 * a new one comes last). Guards any incremental implementation of the writes.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileDocument } from '../document';
import type { SearchEngine, SearchQuery } from '../engine';
import { randomProfileDocuments } from '../testing/random-documents';
import { createEmbeddedEngine } from './embedded-engine';
import { deadFacetValues } from './update-index';
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

/**
 * Random sequences of writes against a model list kept in Meilisearch's order: after each sequence the
 * incrementally written index must hold exactly what a build from scratch over the model holds (same
 * vocabulary, postings, word positions, facet postings, geo and sort order) and answer alike.
 */
describe.each([
	['keeping values no document holds', { minimum: 64, share: 8 }],
	['compacting every dead facet value at once', { minimum: 0, share: 1e9 }]
])('random sequences of upserts and removes, %s', (_, compaction) => {
	beforeAll(() => {
		Object.assign(deadFacetValues, compaction);
	});
	afterAll(() => {
		Object.assign(deadFacetValues, { minimum: 64, share: 8 });
	});

	const pool = randomProfileDocuments(260, 5);
	const base = pool.slice(0, 150);
	const MORE_QUERIES: SearchQuery[] = [
		...QUERIES,
		{ indexUid: 'profiles', q: 'nieuwwoord', facets: FACETS, limit: 20 },
		{ indexUid: 'profiles', q: 'ma', sort: ['hoursMax:asc'], facets: ['updatedAt'], limit: 40 },
		{ indexUid: 'profiles', q: '', sort: ['publishedAt:asc', 'updatedAt:desc'], limit: 60 }
	];
	// One- and two-letter prefixes are answered from precomputed orders, which writes carry over.
	const SHORT: SearchQuery[] = ['k', 'ma', 's', 'ni', 'z', 'de', 'b'].map((q) => ({
		indexUid: 'profiles',
		q,
		facets: FACETS,
		limit: 300
	}));

	type Write =
		| { kind: 'upsert'; picks: { source: number; target: number | null; word: number | null }[] }
		| { kind: 'remove'; targets: number[]; unknown: boolean };

	const writeArb: fc.Arbitrary<Write> = fc.oneof(
		fc.record({
			kind: fc.constant('upsert' as const),
			picks: fc.array(
				fc.record({
					source: fc.nat({ max: pool.length - 1 }),
					// An existing document (by position in the model) to replace, or null for a new one.
					target: fc.option(fc.nat({ max: 400 }), { nil: null }),
					word: fc.option(fc.nat({ max: 3 }), { nil: null })
				}),
				{ minLength: 1, maxLength: 6 }
			)
		}),
		fc.record({
			kind: fc.constant('remove' as const),
			targets: fc.array(fc.nat({ max: 400 }), { minLength: 1, maxLength: 6 }),
			unknown: fc.boolean()
		})
	);

	/** Places only order documents: compare them as dense ranks. */
	const denseRanks = (places: Uint32Array) => {
		const sorted = [...new Set(places)].sort((a, b) => a - b);
		const rank = new Map(sorted.map((p, i) => [p, i]));
		return Array.from(places, (p) => rank.get(p));
	};

	function structure(engine: ReturnType<typeof createEmbeddedEngine>) {
		const index = engine.snapshot;
		return {
			ids: index.documents.map((d) => d.id),
			words: index.text.words,
			offsets: Array.from(index.text.offsets),
			postingDocs: Array.from(index.text.postingDocs),
			postingAttributes: Array.from(index.text.postingAttributes),
			positions: [...index.positions.offsets, ...index.positions.words, ...index.positions.positions],
			geo: [...index.geoLat, ...index.geoLng],
			facets: [...index.facets].map(([attribute, field]) => ({
				attribute,
				// A value no document holds any more may stay until compaction: no answer ever shows it.
				values: Array.from(field.alphaOrder)
					.filter((v) => field.postings[v].length > 0)
					.map((v) => [
						field.display[v],
						Array.from(field.postings[v]),
						field.dense[v] ? Array.from(field.dense[v]) : null
					]),
				perDocument: Array.from({ length: index.size }, (_, d) =>
					Array.from(
						field.docValues.subarray(field.docOffsets[d], field.docOffsets[d + 1]),
						(v) => field.display[v]
					)
				),
				numbers: Array.from(field.numValues),
				flags: [...field.exists, ...field.nulls, ...field.empties]
			})),
			sort: [...index.sortRanks].map(([attribute, ranks]) => [
				attribute,
				denseRanks(ranks.asc),
				denseRanks(ranks.desc)
			])
		};
	}

	it('leaves the index as a build from scratch over the same documents would', async () => {
		let fresh = 0;
		await fc.assert(
			fc.asyncProperty(fc.array(writeArb, { minLength: 1, maxLength: 8 }), async (writes) => {
				const engine = createEmbeddedEngine({ documents: base });
				let model = base.slice();
				for (const write of writes) {
					await engine.multiSearch({ queries: SHORT });
					if (write.kind === 'upsert') {
						const batch = write.picks.map(({ source, target, word }) => {
							const id =
								target !== null && model.length > 0 ? model[target % model.length].id : `KV-P-${++fresh}`;
							const doc = { ...pool[source], id };
							// New words enter the vocabulary; old ones may leave it.
							return word === null ? doc : { ...doc, title: `nieuwwoord${word} ${doc.title}` };
						});
						await engine.upsert(batch);
						for (const doc of batch) {
							const at = model.findIndex((d) => d.id === doc.id);
							if (at >= 0) model[at] = doc;
							else model.push(doc);
						}
					} else {
						const ids = write.targets.map((t) => (model.length > 0 ? model[t % model.length].id : 'KV-NONE'));
						if (write.unknown) ids.push('KV-NOT-HELD');
						await engine.remove(ids);
						model = model.filter((d) => !ids.includes(d.id));
					}
				}
				const rebuilt = createEmbeddedEngine({ documents: model });
				expect(structure(engine)).toEqual(structure(rebuilt));
				const queries = [...MORE_QUERIES, ...SHORT];
				const { results: got } = await engine.multiSearch({ queries });
				const { results: want } = await rebuilt.multiSearch({ queries });
				expect(got.map(({ processingTimeMs: _, ...r }) => r)).toEqual(
					want.map(({ processingTimeMs: _, ...r }) => r)
				);
			}),
			{ numRuns: 40, seed: 15 }
		);
	});
});
