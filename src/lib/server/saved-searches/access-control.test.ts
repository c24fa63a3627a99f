import { isHttpError, isRedirect } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEmbeddedEngine } from '../../../../search/index';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import type { SessionUser } from '../auth/session-user';
import { systemClock } from '../clock';
import type { Database } from '../db/database';
import { REGION_A } from '../requests/test-fixtures';
import { useSearchEngine } from '../search-service/search-service';
import { createSavedSearch, getSavedSearch, listSavedSearches } from './saved-search-store';
import { insertIntermediary, publishedDocument } from './test-fixtures';

const holder: { db?: Database } = {};
vi.mock('$lib/server/app', () => ({ app: () => ({ db: holder.db }) }));

const list = await import('../../../routes/zoekopdrachten/+page.server');
const detail = await import('../../../routes/zoekopdrachten/[id]/+page.server');
const download = await import('../../../routes/account/gegevens/download/+server');

let a: SessionUser;
let b: SessionUser;
let bSearchId = '';

beforeAll(async () => {
	holder.db = await createTestDatabase();
	useSearchEngine(createEmbeddedEngine({ documents: [publishedDocument(new Date('2026-01-01'))] }));
	a = await insertIntermediary(holder.db.sql);
	b = await insertIntermediary(holder.db.sql);
	const saved = await createSavedSearch(holder.db.sql, systemClock, {
		userId: b.id,
		name: 'Van B',
		query: `regio=${REGION_A.code}`
	});
	if (!saved.ok) throw new Error('expected a saved search');
	bSearchId = saved.search.id;
});
afterAll(async () => {
	useSearchEngine(undefined);
	await holder.db?.close();
});

function event(user: SessionUser | null, path: string, form?: Record<string, string>, id = bSearchId) {
	const url = new URL(`https://kv.example${path}`);
	const body = new FormData();
	for (const [k, v] of Object.entries(form ?? {})) body.set(k, v);
	return {
		locals: { user, requestId: 'test', session: null },
		url,
		params: { id },
		request: new Request(url, form ? { method: 'POST', body } : undefined),
		getClientAddress: () => '127.0.0.1',
		setHeaders: () => {},
		cookies: { get: () => undefined, set: () => {}, delete: () => {} }
	} as never;
}

async function status(run: () => unknown): Promise<number | 'redirect' | 'ok'> {
	try {
		await run();
		return 'ok';
	} catch (e) {
		if (isHttpError(e)) return e.status;
		if (isRedirect(e)) return 'redirect';
		throw e;
	}
}

describe('one intermediary never sees or changes another one’s searches', () => {
	it('hides B’s search from A’s list', async () => {
		const data = (await list.load(event(a, '/zoekopdrachten'))) as { searches: { id: string }[] };
		expect(data.searches.map((s) => s.id)).not.toContain(bSearchId);
		const own = (await list.load(event(b, '/zoekopdrachten'))) as { searches: { id: string }[] };
		expect(own.searches.map((s) => s.id)).toEqual([bSearchId]);
	});

	it('answers 404 (not 403) to A for every page and action on B’s search', async () => {
		const path = `/zoekopdrachten/${bSearchId}`;
		expect(await status(() => detail.load(event(a, path)))).toBe(404);
		expect(
			await status(() => detail.actions.hernoemen(event(a, `${path}?/hernoemen`, { naam: 'Van A' })))
		).toBe(404);
		expect(
			await status(() =>
				detail.actions.meldingenInstellen(event(a, `${path}?/meldingenInstellen`, { frequentie: 'daily' }))
			)
		).toBe(404);
		expect(await status(() => detail.actions.verwijderen(event(a, `${path}?/verwijderen`, {})))).toBe(404);
		const untouched = await getSavedSearch(holder.db!.sql, b.id, bSearchId);
		expect(untouched).toMatchObject({ name: 'Van B', alertFrequency: 'none' });
	});

	it('lets the owner open, rename and delete', async () => {
		const path = `/zoekopdrachten/${bSearchId}`;
		expect(await status(() => detail.load(event(b, path)))).toBe('ok');
		await detail.actions.hernoemen(event(b, `${path}?/hernoemen`, { naam: 'Nieuwe naam' }));
		expect((await getSavedSearch(holder.db!.sql, b.id, bSearchId))!.name).toBe('Nieuwe naam');
	});

	it('leaves B’s searches out of A’s data download', async () => {
		const response = await download.GET(event(a, '/account/gegevens/download'));
		const body = await response.text();
		expect(body).not.toContain('Nieuwe naam');
		expect(JSON.parse(body).account.eMailadres).toBe(a.email);
	});

	it('saves a search from /kandidaten under the signed-in intermediary only', async () => {
		const outcome = await status(() =>
			list.actions.bewaren(
				event(a, '/zoekopdrachten?/bewaren', { zoekopdracht: 'regio=AM13&kandidaat=KV-2222-3333', naam: '' })
			)
		);
		expect(outcome).toBe('redirect');
		const mine = await listSavedSearches(holder.db!.sql, a.id);
		// Only the search itself is kept: a candidate reference in the posted query is dropped.
		expect(mine.map((s) => s.query)).toEqual(['regio=AM13']);
		expect(await listSavedSearches(holder.db!.sql, b.id)).toHaveLength(1);
	});

	it('refuses to save for an intermediary who is not approved yet, in plain Dutch', async () => {
		const pending = await insertIntermediary(holder.db!.sql, { approved: false });
		const result = (await list.actions.bewaren(
			event(pending, '/zoekopdrachten?/bewaren', { zoekopdracht: 'regio=AM13' })
		)) as { status: number; data: { message: string } };
		expect(result.status).toBe(400);
		expect(result.data.message).toContain('Uw aanmelding wacht op goedkeuring');
		expect(await listSavedSearches(holder.db!.sql, pending.id)).toHaveLength(0);
	});

	it('sends visitors to log in and refuses staff', async () => {
		expect(await status(() => list.load(event(null, '/zoekopdrachten')))).toBe('redirect');
		const admin: SessionUser = { ...a, role: 'admin' };
		expect(await status(() => list.load(event(admin, '/zoekopdrachten')))).toBe(403);
	});
});
