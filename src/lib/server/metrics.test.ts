import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedEngine, createWorkerEngine } from '../../../search/index';
import { FIXTURE_DOCUMENTS } from '../../../search/conformance/fixture-documents';
import { createTestDatabase } from '../../../tests/helpers/test-database';
import { fakeClock } from './clock';
import type { Database } from './db/database';
import { enqueueMail } from './mail/outbox';
import { measured, metricsResponse, recordRequest } from './metrics';
import { submitInterest } from './requests/submit';
import { EMPLOYER, insertCandidate, newKvk, REGION_A } from './requests/test-fixtures';

const TOKEN = 'a-long-metrics-token-0123456789';
let db: Database;
beforeAll(async () => {
	db = await createTestDatabase();
});
afterAll(() => db?.close());

const scrape = (authorization?: string) =>
	metricsResponse(
		new Request('https://kv.example/metrics', {
			headers: authorization ? { authorization } : {}
		}),
		TOKEN,
		db.sql
	);

describe('/metrics', () => {
	it('does not exist until METRICS_TOKEN is configured', async () => {
		const response = await metricsResponse(
			new Request('https://kv.example/metrics', { headers: { authorization: `Bearer ${TOKEN}` } }),
			undefined,
			db.sql
		);
		expect(response.status).toBe(404);
		expect(await response.text()).not.toContain('kv_');
	});

	it('refuses a missing or wrong bearer token with 401', async () => {
		for (const header of [undefined, `Bearer ${TOKEN}x`, 'Bearer wrong', `Basic ${TOKEN}`, TOKEN]) {
			const response = await scrape(header);
			expect(response.status).toBe(401);
			expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
			expect(await response.text()).not.toContain('kv_');
		}
	});

	it('gives request counts and latency by route id, search latency, outbox backlog and overdue requests', async () => {
		recordRequest('GET', '/kandidaten/[ref]', 200, 0.012);
		recordRequest('GET', null, 404, 0.001);
		await measured(createEmbeddedEngine({ documents: FIXTURE_DOCUMENTS })).multiSearch({
			queries: [{ indexUid: 'profiles', q: 'magazijn' }]
		});
		// Overdue is judged by the database clock: a request made in 2026-02 is long overdue, one made
		// in 2030 is not due yet.
		for (const at of ['2026-02-02T09:00:00Z', '2030-02-04T09:00:00Z']) {
			const ref = await insertCandidate(db.sql, REGION_A);
			const submitted = await submitInterest(db.sql, {
				employer: { ...EMPLOYER, kvkNumber: newKvk() },
				refs: [ref],
				origin: 'https://kv.example',
				clock: fakeClock(at)
			});
			expect(submitted.ok).toBe(true);
		}
		await db.sql`delete from mail_outbox`;
		await enqueueMail(db.sql, { to: 'a@example.nl', subject: 'x', text: 'x', kind: 'test' });
		await enqueueMail(db.sql, { to: 'b@example.nl', subject: 'y', text: 'y', kind: 'test' });

		const response = await scrape(`Bearer ${TOKEN}`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
		const body = await response.text();
		expect(body).toContain('kv_http_requests_total{method="GET",route="/kandidaten/[ref]",status="200"} 1');
		expect(body).toContain('kv_http_requests_total{method="GET",route="unmatched",status="404"} 1');
		expect(body).toMatch(
			/kv_http_request_duration_seconds_count\{method="GET",route="\/kandidaten\/\[ref\]"\} 1/
		);
		expect(body).toMatch(
			/kv_search_duration_seconds_count\{engine="embedded",operation="multi-search",outcome="ok"\} 1/
		);
		expect(body).toContain('kv_mail_outbox_backlog{status="queued"} 2');
		expect(body).toContain('kv_mail_outbox_backlog{status="failed"} 0');
		expect(body).toContain('kv_interest_requests_overdue 1');
		expect(body).toContain('kv_process_resident_memory_bytes');
	});

	it('keeps the engine usable through the timing wrapper', async () => {
		const engine = measured(createEmbeddedEngine({ documents: FIXTURE_DOCUMENTS }));
		expect(engine.kind).toBe('embedded');
		expect(await engine.count()).toBe(FIXTURE_DOCUMENTS.length);
	});

	it('times the search threads too, which answer with JSON text', async () => {
		const threaded = createWorkerEngine({ documents: FIXTURE_DOCUMENTS, threads: 1 });
		try {
			const before = await scrape(`Bearer ${TOKEN}`).then((r) => r.text());
			const count = (body: string) =>
				Number(
					/kv_search_duration_seconds_count\{engine="[a-z-]+",operation="multi-search",outcome="ok"\} (\d+)/.exec(
						body
					)?.[1] ?? 0
				);
			const text = await measured(threaded).multiSearchJson!({ queries: [{ indexUid: 'profiles', q: '' }] });
			expect(JSON.parse(text).results).toHaveLength(1);
			const after = await scrape(`Bearer ${TOKEN}`).then((r) => r.text());
			expect(count(after)).toBeGreaterThan(count(before));
		} finally {
			await threaded.close();
		}
	});
});
