import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/lib/server/app';
import { addReadinessCheck, readiness } from '../../src/lib/server/readiness';
import { FIXTURE_DOCUMENTS } from '../conformance/fixture-documents';
import { PROFILE_INDEX } from '../index-definition';
import { SearchError } from '../search-error';
import { startMeilisearchStandIn, type MeilisearchStandIn } from '../testing/meilisearch-stand-in';
import { createMeilisearchEngine } from './meilisearch-engine';

/**
 * The adapter against an in-process stand-in that records the calls: what it sends, and how it fails.
 * Whether a real server then answers like the embedded engine is the conformance suite's question
 * (`MEILI_URL=… npm run test:conformance`).
 */
let stand: MeilisearchStandIn | undefined;
afterEach(async () => {
	await stand?.stop().catch(() => {});
	stand = undefined;
});

const KEY = 'index-writing-key';
const engineAt = (url: string, options: { taskTimeoutMs?: number; apiKey?: string } = {}) =>
	createMeilisearchEngine({
		host: url,
		apiKey: options.apiKey ?? KEY,
		taskTimeoutMs: options.taskTimeoutMs,
		requestTimeoutMs: 2_000
	});
/** A port on this machine that nothing listens on. */
async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	await new Promise((resolve) => server.close(resolve));
	return port;
}
const settingsPatches = (s: MeilisearchStandIn, uid: string) =>
	s.calls.filter((c) => c.method === 'PATCH' && c.path === `/indexes/${uid}/settings`);

describe('Meilisearch adapter', () => {
	it('applies every index setting, pagination and faceting included, and only once', async () => {
		stand = await startMeilisearchStandIn({ apiKey: KEY });
		const engine = engineAt(stand.url);
		const first = await engine.applySettings();
		expect(first.changed).toEqual(
			expect.arrayContaining(['searchableAttributes', 'filterableAttributes', 'pagination', 'faceting'])
		);
		const [patch] = settingsPatches(stand, 'profiles');
		expect(patch.body).toMatchObject({
			pagination: { maxTotalHits: PROFILE_INDEX.pagination.maxTotalHits },
			faceting: {
				maxValuesPerFacet: PROFILE_INDEX.faceting.maxValuesPerFacet,
				sortFacetValuesBy: PROFILE_INDEX.faceting.sortFacetValuesBy
			},
			rankingRules: [...PROFILE_INDEX.rankingRules],
			typoTolerance: { enabled: PROFILE_INDEX.typoTolerance.enabled },
			proximityPrecision: 'byWord',
			distinctAttribute: null
		});
		// The key goes along as a bearer token on every call but /health.
		expect(stand.calls.every((c) => c.path === '/health' || c.authorization === `Bearer ${KEY}`)).toBe(true);

		expect((await engine.applySettings()).changed).toEqual([]);
		expect(settingsPatches(stand, 'profiles')).toHaveLength(1);
	});

	it('reindexes into a fresh index with the full settings, then swaps it in and drops the old one', async () => {
		stand = await startMeilisearchStandIn({ apiKey: KEY });
		const engine = engineAt(stand.url);
		await engine.applySettings();
		await engine.upsert(FIXTURE_DOCUMENTS.slice(0, 3));
		stand.calls.length = 0;

		await engine.replaceAll(FIXTURE_DOCUMENTS);

		const creation = stand.calls.find((c) => c.method === 'POST' && c.path === '/indexes');
		const fresh = (creation?.body as { uid: string }).uid;
		expect(fresh).toMatch(/^profiles_reindex_/);
		const order = stand.calls.map((c) => `${c.method} ${c.path}`);
		const at = (call: string) => order.indexOf(call);
		expect(at(`PATCH /indexes/${fresh}/settings`)).toBeLessThan(at(`POST /indexes/${fresh}/documents`));
		expect(at(`POST /indexes/${fresh}/documents`)).toBeLessThan(at('POST /swap-indexes'));
		expect(stand.calls.find((c) => c.path === '/swap-indexes')?.body).toEqual([
			{ indexes: ['profiles', fresh] }
		]);
		expect(at(`DELETE /indexes/${fresh}`)).toBeGreaterThan(at('POST /swap-indexes'));
		// Searches never saw a half-filled index: the live one went from 3 documents to all of them at once.
		expect(order).not.toContain('POST /indexes/profiles/documents');
		expect(await engine.count()).toBe(FIXTURE_DOCUMENTS.length);
		expect([...stand.indexes.keys()]).toEqual(['profiles']);
		expect(stand.indexes.get('profiles')?.settings).toMatchObject({ pagination: PROFILE_INDEX.pagination });
	});

	it('gives up waiting for a task after the timeout, with an error that says so', async () => {
		stand = await startMeilisearchStandIn({ apiKey: KEY });
		const engine = engineAt(stand.url, { taskTimeoutMs: 300 });
		await engine.applySettings();
		stand.stallTasks = true;
		const failure = await engine.upsert(FIXTURE_DOCUMENTS).catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(SearchError);
		expect(failure).toMatchObject({ code: 'search_task_timeout', status: 503 });
		expect((failure as Error).message).toMatch(/^Meilisearch task \d+ did not finish within 300 ms\.$/);
		// It polled the task rather than waiting on one request.
		expect(stand.calls.filter((c) => c.path.startsWith('/tasks/')).length).toBeGreaterThan(1);
	});

	it('leaves the live index alone and removes the copy when a reindex fails', async () => {
		stand = await startMeilisearchStandIn({ apiKey: KEY });
		const engine = engineAt(stand.url, { taskTimeoutMs: 300 });
		await engine.applySettings();
		await engine.upsert(FIXTURE_DOCUMENTS.slice(0, 2));
		const documents = stand.calls.length;
		stand.stallTasks = true;
		setTimeout(() => (stand!.stallTasks = false), 200);
		await expect(engine.replaceAll(FIXTURE_DOCUMENTS)).rejects.toMatchObject({ code: 'search_task_timeout' });
		expect(stand.calls.length).toBeGreaterThan(documents);
		expect(stand.indexes.get('profiles')?.documents.size).toBe(2);
		expect(stand.calls.some((c) => c.path === '/swap-indexes')).toBe(false);
	});
});

describe('readiness in Meilisearch mode', () => {
	const app = { db: { sql: () => Promise.resolve([]) } } as unknown as AppContext;

	it('is ready when the server, the key and the index answer', async () => {
		stand = await startMeilisearchStandIn({ apiKey: KEY });
		const engine = engineAt(stand.url);
		await engine.applySettings();
		addReadinessCheck('search', async () => void (await engine.health()));
		expect(await readiness(app)).toMatchObject({ status: 'ok', checks: { search: { ok: true } } });
	});

	it('fails clearly when Meilisearch is down', async () => {
		const engine = engineAt(`http://127.0.0.1:${await closedPort()}`);
		addReadinessCheck('search', async () => void (await engine.health()));
		const result = await readiness(app);
		expect(result.status).toBe('unavailable');
		expect(result.checks.database.ok).toBe(true);
		expect(result.checks.search).toMatchObject({
			ok: false,
			error: 'Meilisearch (MEILI_URL) is unreachable: connection refused (ECONNREFUSED).'
		});
	});

	it('stops being ready when a running Meilisearch goes away', async () => {
		stand = await startMeilisearchStandIn({ apiKey: KEY });
		const engine = engineAt(stand.url);
		await engine.applySettings();
		addReadinessCheck('search', async () => void (await engine.health()));
		expect((await readiness(app)).status).toBe('ok');
		await stand.stop();
		const result = await readiness(app);
		expect(result.status).toBe('unavailable');
		expect(result.checks.search.error).toMatch(/^Meilisearch \(MEILI_URL\) is unreachable: /);
	});

	it('fails when the server answers but refuses the key', async () => {
		stand = await startMeilisearchStandIn({ apiKey: KEY });
		await engineAt(stand.url).applySettings();
		const engine = engineAt(stand.url, { apiKey: 'revoked' });
		addReadinessCheck('search', async () => void (await engine.health()));
		const result = await readiness(app);
		expect(result.checks.search).toMatchObject({ ok: false, error: 'The provided API key is invalid.' });
	});
});
