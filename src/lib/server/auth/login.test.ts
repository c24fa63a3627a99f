import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import { fakeClock } from '../clock';
import type { Database } from '../db/database';
import { logIn } from './login';
import { LoginLimiter, retryMessage } from './rate-limit';
import { createUser } from './user';

let db: Database;
beforeAll(async () => {
	db = await createTestDatabase();
	await createUser(db.sql, {
		email: 'Coordinator@WSP.example',
		name: 'Co',
		role: 'wsp',
		regionCode: 'AM02',
		isCoordinator: true,
		password: 'paars fietsje onder de brug'
	});
});
afterAll(() => db?.close());

const clock = fakeClock('2025-03-03T08:00:00Z');
const attempt = (limiter: LoginLimiter, email: string, password: string, clientAddress = '192.0.2.1') =>
	logIn(db.sql, clock, limiter, { email, password, clientAddress });

describe('logging in', () => {
	it('opens a session with the right password, whatever the letter case of the address', async () => {
		const result = await attempt(
			new LoginLimiter(),
			'coordinator@wsp.EXAMPLE',
			'paars fietsje onder de brug'
		);
		expect(result).toMatchObject({
			ok: true,
			user: { role: 'wsp', regionCode: 'AM02', isCoordinator: true }
		});
	});

	it('answers a wrong password and an unknown address the same way', async () => {
		const limiter = new LoginLimiter();
		expect(await attempt(limiter, 'coordinator@wsp.example', 'verkeerd wachtwoord')).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(await attempt(limiter, 'niemand@wsp.example', 'paars fietsje onder de brug')).toEqual({
			ok: false,
			reason: 'invalid'
		});
	});

	it('pauses an account after 5 failed attempts, even with the right password, and says when to retry', async () => {
		const limiter = new LoginLimiter();
		for (let i = 0; i < 5; i++) {
			expect(await attempt(limiter, 'coordinator@wsp.example', `fout ${i}`, `198.51.100.${i}`)).toMatchObject(
				{ reason: 'invalid' }
			);
		}
		const blocked = await attempt(
			limiter,
			'coordinator@wsp.example',
			'paars fietsje onder de brug',
			'198.51.100.9'
		);
		expect(blocked).toMatchObject({ ok: false, reason: 'throttled' });
		if (blocked.ok || blocked.reason !== 'throttled') throw new Error('expected throttled');
		const minutes = (blocked.retryAt.getTime() - Date.now()) / 60_000;
		expect(minutes).toBeGreaterThan(14);
		expect(minutes).toBeLessThanOrEqual(15);
		expect(retryMessage(blocked.retryAt)).toMatch(/Probeer het over 15 minuten opnieuw \(om \d\d:\d\d uur\)/);
	});

	it('pauses a client address that tries many accounts', async () => {
		const limiter = new LoginLimiter({ perAccount: 5, perAddress: 3, windowSeconds: 900 });
		for (let i = 0; i < 3; i++) await attempt(limiter, `gok${i}@wsp.example`, 'x', '203.0.113.7');
		expect(
			await attempt(limiter, 'coordinator@wsp.example', 'paars fietsje onder de brug', '203.0.113.7')
		).toMatchObject({ reason: 'throttled' });
		expect(
			await attempt(limiter, 'coordinator@wsp.example', 'paars fietsje onder de brug', '203.0.113.8')
		).toMatchObject({ ok: true });
	});

	it('forgets earlier typos once the owner gets in', async () => {
		const limiter = new LoginLimiter();
		for (let i = 0; i < 4; i++) await attempt(limiter, 'coordinator@wsp.example', 'typo');
		expect(await attempt(limiter, 'coordinator@wsp.example', 'paars fietsje onder de brug')).toMatchObject({
			ok: true
		});
		for (let i = 0; i < 4; i++) await attempt(limiter, 'coordinator@wsp.example', 'typo', '192.0.2.50');
		expect(await attempt(limiter, 'coordinator@wsp.example', 'paars fietsje onder de brug')).toMatchObject({
			ok: true
		});
	});
});
