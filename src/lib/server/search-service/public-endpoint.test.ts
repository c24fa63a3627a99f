import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import type { Database } from '../db/database';
import { storeOn } from '../rate-limit/rate-limit';
import { createEmbeddedEngine, createWorkerEngine, type SearchEngine } from '../../../../search/index';
import { randomProfileDocuments } from '../../../../search/testing/random-documents';
import { handleFacetSearch, handleMultiSearch, MAX_BODY_BYTES, searchLimit } from './public-endpoint';
import { RateLimit } from '../rate-limit/rate-limit';

let db: Database;
let limit: RateLimit;
beforeAll(async () => {
	db = await createTestDatabase();
	limit = new RateLimit(searchLimit.name, searchLimit.limit, storeOn(db.sql));
});
afterAll(() => db?.close());
const limiter = () => limit;

const documents = randomProfileDocuments(200, 7);
const engine = createEmbeddedEngine({ documents });
const post = (body: unknown, raw?: string) =>
	new Request('http://localhost/api/search/multi-search', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: raw ?? JSON.stringify(body)
	});
let address = 0;
const client = () => `10.0.0.${++address}`;

describe('POST /api/search/multi-search', () => {
	it('answers a request as instant-meilisearch sends it, with hits, counts and paging', async () => {
		const response = await handleMultiSearch(
			() => engine,
			post({
				queries: [
					{ indexUid: 'profiles', q: '', facets: ['region', 'sectors'], hitsPerPage: 10, page: 1 },
					{ indexUid: 'profiles', facets: ['region'], limit: 1, offset: 0 }
				]
			}),
			client(),
			'r1',
			limiter()
		);
		expect(response.status).toBe(200);
		const body = await response.json();
		expect(body.results).toHaveLength(2);
		expect(body.results[0].totalHits).toBe(200);
		expect(body.results[0].hits).toHaveLength(10);
		const regionTotal = Object.values(
			body.results[0].facetDistribution.region as Record<string, number>
		).reduce((a, b) => a + b, 0);
		expect(regionTotal).toBe(200);
	});

	it.each([
		[{ queries: [{ indexUid: 'candidates_private' }] }, 'index_not_found', 404],
		[{ queries: [{ indexUid: 'profiles', filter: ['klantnummer = "1"'] }] }, 'invalid_search_filter', 400],
		[{ queries: [{ indexUid: 'profiles', facets: ['doelgroep'] }] }, 'invalid_search_facets', 400],
		[{ queries: [{ indexUid: 'profiles', hitsPerPage: 500 }] }, 'invalid_search_hits_per_page', 400],
		[{ queries: [{ indexUid: 'profiles', limit: 50, offset: 990 }] }, 'invalid_search_offset', 400],
		[{ queries: [{ indexUid: 'profiles', filter: ['region = "AM01'] }] }, 'invalid_search_filter', 400]
	])('refuses %j with a Meilisearch-shaped error', async (body, code, status) => {
		const response = await handleMultiSearch(() => engine, post(body), client(), 'r2', limiter());
		expect(response.status).toBe(status);
		const error = await response.json();
		expect(error).toMatchObject({ code, type: 'invalid_request' });
		expect(error.message).toEqual(expect.any(String));
		expect(error.link).toContain(code);
	});

	it('refuses malformed JSON and bodies over 64 KB without a server error', async () => {
		const malformed = await handleMultiSearch(
			() => engine,
			post(null, '{"queries": ['),
			client(),
			'r3',
			limiter()
		);
		expect(malformed.status).toBe(400);
		expect((await malformed.json()).code).toBe('bad_request');
		const big = await handleMultiSearch(
			() => engine,
			post(null, JSON.stringify({ queries: [{ indexUid: 'profiles', q: 'x'.repeat(MAX_BODY_BYTES) }] })),
			client(),
			'r4',
			limiter()
		);
		expect(big.status).toBe(413);
	});

	it('slows down one address that floods the endpoint, and not the next one', async () => {
		const flooder = client();
		const statuses: number[] = [];
		for (let i = 0; i < 65; i++) {
			const res = await handleMultiSearch(
				() => engine,
				post({ queries: [{ indexUid: 'profiles' }] }),
				flooder,
				'r',
				limiter()
			);
			statuses.push(res.status);
		}
		expect(statuses.filter((s) => s === 429)).toHaveLength(5);
		const other = await handleMultiSearch(
			() => engine,
			post({ queries: [{ indexUid: 'profiles' }] }),
			client(),
			'r',
			limiter()
		);
		expect(other.status).toBe(200);
	});

	it('answers 503 in Meilisearch shape when the engine fails, never a 500 with details', async () => {
		// A stand-in that keeps every other method of the real engine.
		const failing = () => Promise.reject(new Error('connection refused to 10.1.2.3'));
		const broken: SearchEngine = Object.assign(Object.create(engine), {
			multiSearch: failing,
			multiSearchJson: failing
		});
		const response = await handleMultiSearch(
			() => broken,
			post({ queries: [{ indexUid: 'profiles' }] }),
			client(),
			'r',
			limiter()
		);
		expect(response.status).toBe(503);
		const text = await response.text();
		expect(text).not.toContain('10.1.2.3');
	});

	it('answers through the worker threads, serialised there, exactly as the engine itself', async () => {
		const threaded = createWorkerEngine({ documents, threads: 1 });
		try {
			const queries = [
				{ indexUid: 'profiles', q: 'wil', facets: ['region'], hitsPerPage: 5, page: 2 },
				{ indexUid: 'profiles', q: 'kassa', filter: 'hoursMin >= 8', limit: 3 }
			];
			const response = await handleMultiSearch(() => threaded, post({ queries }), client(), 'r9', limiter());
			expect(response.status).toBe(200);
			const withoutTimes = (body: { results: { processingTimeMs?: number }[] }) =>
				body.results.map(({ processingTimeMs: _, ...rest }) => rest);
			expect(withoutTimes(await response.json())).toEqual(
				withoutTimes(await engine.multiSearch({ queries }))
			);
		} finally {
			await threaded.close();
		}
	});
});

describe('POST /api/search/indexes/profiles/facet-search', () => {
	it('finds facet values by prefix with counts', async () => {
		const request = new Request('http://localhost/x', {
			method: 'POST',
			body: JSON.stringify({ facetName: 'sectors', facetQuery: 'lo' })
		});
		const response = await handleFacetSearch(() => engine, 'profiles', request, client(), 'r', limiter());
		expect(response.status).toBe(200);
		const body = await response.json();
		expect(body.facetHits.length).toBeGreaterThan(0);
		for (const hit of body.facetHits) expect(hit.value.startsWith('lo')).toBe(true);
	});

	it('refuses facets that are not public', async () => {
		const request = new Request('http://localhost/x', {
			method: 'POST',
			body: JSON.stringify({ facetName: 'klantnummer', facetQuery: '1' })
		});
		const response = await handleFacetSearch(() => engine, 'profiles', request, client(), 'r', limiter());
		expect(response.status).toBe(400);
	});
});
