import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../../../tests/helpers/test-database';
import { createUser } from '$lib/server/auth/user';
import type { Database } from '$lib/server/db/database';

const holder: { db?: Database } = {};
vi.mock('$lib/server/app', () => ({ app: () => ({ db: holder.db }) }));
// When the account is looked up, relative to the answers (the limits count in the database before
// either answer, alike for every address; the lookup must wait until the answer has gone).
const events = vi.hoisted(() => [] as string[]);
vi.mock('$lib/server/auth/password-reset', async (importOriginal) => {
	const real = await importOriginal<typeof import('$lib/server/auth/password-reset')>();
	return {
		...real,
		requestPasswordReset: (...args: Parameters<typeof real.requestPasswordReset>) => {
			events.push('lookup');
			return real.requestPasswordReset(...args);
		}
	};
});
const { actions } = await import('./+page.server');

beforeAll(async () => {
	holder.db = await createTestDatabase();
	await createUser(holder.db.sql, {
		email: 'adviseur@wsp.example',
		name: 'A',
		role: 'wsp',
		regionCode: 'AM03',
		password: 'oud maar veilig wachtwoord'
	});
	await createUser(holder.db.sql, {
		email: 'tweede@wsp.example',
		name: 'B',
		role: 'wsp',
		regionCode: 'AM03',
		password: 'ook een veilig wachtwoord'
	});
});
afterAll(() => holder.db?.close());

/** A reset request as a browser sends it, to a Host of the sender's choosing. */
function request(email: string, address: string, host = 'kv.example') {
	const url = new URL(`https://${host}/wachtwoord-vergeten?/aanvragen`);
	const body = new FormData();
	body.set('email', email);
	return actions.aanvragen({
		url,
		request: new Request(url, { method: 'POST', body }),
		getClientAddress: () => address
	} as never);
}

const mails = async (to = 'adviseur@wsp.example') =>
	holder.db!.sql<{ text_body: string }[]>`
		select text_body from mail_outbox where kind = 'password-reset' and to_address = ${to}`;
const settle = async (count: number, to?: string) => {
	for (let i = 0; i < 100 && (await mails(to)).length < count; i++)
		await new Promise((r) => setTimeout(r, 50));
};

describe('asking for a password reset', () => {
	it('mails a link on the configured origin, never the Host the request named', async () => {
		expect(await request('adviseur@wsp.example', '192.0.2.1', 'evil.example')).toEqual({ sent: true });
		await settle(1);
		const [mail] = await mails();
		expect(mail.text_body).toContain('http://localhost:3000/wachtwoord-herstellen/');
		expect(mail.text_body).not.toContain('evil.example');
	});

	it('answers before anything is looked up, the same for a known and an unknown address', async () => {
		events.length = 0;
		expect(await request('adviseur@wsp.example', '192.0.2.2')).toEqual({ sent: true });
		events.push('answer');
		expect(await request('niemand@wsp.example', '192.0.2.2')).toEqual({ sent: true });
		events.push('answer');
		await settle(2);
		for (let i = 0; i < 100 && events.length < 4; i++) await new Promise((r) => setTimeout(r, 20));
		// Every lookup started only after the answer to its request had been given.
		expect(events[0]).toBe('answer');
		expect(events.filter((e) => e === 'lookup')).toHaveLength(2);
		events.forEach((_, i) => {
			const prefix = events.slice(0, i + 1);
			expect(prefix.filter((e) => e === 'lookup').length).toBeLessThanOrEqual(
				prefix.filter((e) => e === 'answer').length
			);
		});
	});

	it('sends at most 3 mails an hour to one account, from however many addresses', async () => {
		for (let i = 0; i < 10; i++) {
			expect(await request('adviseur@wsp.example', `198.51.100.${i}`)).toEqual({ sent: true });
		}
		await new Promise((r) => setTimeout(r, 500));
		expect(await mails()).toHaveLength(3);
	});

	it('stops one address after 10 requests, whatever accounts it names', async () => {
		for (let i = 0; i < 10; i++) await request(`iemand${i}@wsp.example`, '203.0.113.9');
		expect(await request('tweede@wsp.example', '203.0.113.9')).toEqual({ sent: true });
		await new Promise((r) => setTimeout(r, 300));
		expect(await mails('tweede@wsp.example')).toHaveLength(0);
		await request('tweede@wsp.example', '203.0.113.10');
		await settle(1, 'tweede@wsp.example');
		expect(await mails('tweede@wsp.example')).toHaveLength(1);
	});
});
