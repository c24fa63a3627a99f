import { isHttpError, isRedirect } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import type { SessionUser } from '../auth/session-user';
import type { Database } from '../db/database';
import { insertStaff } from '../requests/test-fixtures';
import { insertIntermediary } from '../saved-searches/test-fixtures';

const holder: { db?: Database } = {};
vi.mock('$lib/server/app', () => ({ app: () => ({ db: holder.db }) }));

const page = await import('../../../routes/beheer/aanmeldingen/+page.server');
const e2eAlerts = await import('../../../routes/__e2e/alerts/+server');

const users: Record<string, SessionUser | null> = { anonymous: null };
let pending: SessionUser;

beforeAll(async () => {
	holder.db = await createTestDatabase();
	const sql = holder.db.sql;
	users.admin = await insertStaff(sql, { role: 'admin' });
	users.coordinator = await insertStaff(sql, { coordinator: true });
	users.adviser = await insertStaff(sql);
	users.intermediary = await insertIntermediary(sql);
	pending = await insertIntermediary(sql, { approved: false });
});
afterAll(() => holder.db?.close());

function event(user: SessionUser | null, form?: Record<string, string>) {
	const url = new URL(`https://kv.example/beheer/aanmeldingen${form ? '?/goedkeuren' : ''}`);
	const body = new FormData();
	for (const [k, v] of Object.entries(form ?? {})) body.set(k, v);
	return {
		locals: { user, requestId: 'test', session: null },
		url,
		params: {},
		request: new Request(url, form ? { method: 'POST', body } : undefined)
	} as never;
}

async function outcome(run: () => unknown): Promise<string> {
	try {
		await run();
		return 'allowed';
	} catch (e) {
		if (isRedirect(e)) return 'login';
		if (isHttpError(e)) return String(e.status);
		throw e;
	}
}

describe('who decides on registrations', () => {
	it.each([
		['anonymous', 'login'],
		['intermediary', '403'],
		['adviser', '403'],
		['coordinator', 'allowed'],
		['admin', 'allowed']
	])('%s: %s', async (who, expected) => {
		expect(await outcome(() => page.load(event(users[who])))).toBe(expected);
		if (expected !== 'allowed') {
			expect(await outcome(() => page.actions.goedkeuren(event(users[who], { gebruiker: pending.id })))).toBe(
				expected
			);
		}
	});

	it('shows every pending registration to a coordinator, whatever their region', async () => {
		const data = (await page.load(event(users.coordinator))) as { pending: { userId: string }[] };
		expect(data.pending.map((p) => p.userId)).toContain(pending.id);
	});
});

describe('the test-only alert route', () => {
	it('does not exist unless the server runs with E2E=1', async () => {
		vi.stubEnv('E2E', '');
		expect(await outcome(() => e2eAlerts.POST(event(null)))).toBe('404');
		vi.unstubAllEnvs();
	});
});
