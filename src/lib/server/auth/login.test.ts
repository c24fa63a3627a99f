import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import { fakeClock } from '../clock';
import type { Database } from '../db/database';
import { INVALID_LOGIN_MESSAGE, logIn } from './login';
import { storeOn } from '../rate-limit/rate-limit';
import { defaultLoginLimits, LoginLimiter, retryMessage } from './rate-limit';
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
			new LoginLimiter(defaultLoginLimits, storeOn(db.sql)),
			'coordinator@wsp.EXAMPLE',
			'paars fietsje onder de brug'
		);
		expect(result).toMatchObject({
			ok: true,
			user: { role: 'wsp', regionCode: 'AM02', isCoordinator: true }
		});
	});

	it('answers a wrong password and an unknown address the same way', async () => {
		const limiter = new LoginLimiter(defaultLoginLimits, storeOn(db.sql));
		expect(await attempt(limiter, 'coordinator@wsp.example', 'verkeerd wachtwoord')).toEqual({
			ok: false,
			reason: 'invalid',
			message: INVALID_LOGIN_MESSAGE
		});
		expect(await attempt(limiter, 'niemand@wsp.example', 'paars fietsje onder de brug')).toEqual({
			ok: false,
			reason: 'invalid',
			message: INVALID_LOGIN_MESSAGE
		});
	});

	it('makes one address wait after 5 wrong passwords for an account, longer with each further one', async () => {
		const limiter = new LoginLimiter(defaultLoginLimits, storeOn(db.sql));
		for (let i = 0; i < 5; i++) {
			expect(await attempt(limiter, 'coordinator@wsp.example', `fout ${i}`, '198.51.100.1')).toMatchObject({
				reason: 'invalid'
			});
		}
		const blocked = await attempt(limiter, 'coordinator@wsp.example', 'paars fietsje', '198.51.100.1');
		expect(blocked).toMatchObject({ ok: false, reason: 'throttled' });
		if (blocked.ok || blocked.reason !== 'throttled') throw new Error('expected throttled');
		const seconds = (blocked.retryAt.getTime() - Date.now()) / 1000;
		expect(seconds).toBeGreaterThan(25);
		expect(seconds).toBeLessThanOrEqual(30);
		expect(retryMessage(blocked.retryAt)).toMatch(/Probeer het over 1 minuut opnieuw \(om \d\d:\d\d uur\)/);
		// The next failure, once the wait is over, doubles it.
		await limiter.recordFailure('coordinator@wsp.example', '198.51.100.1');
		const longer = await limiter.check('coordinator@wsp.example', '198.51.100.1');
		if (longer.allowed) throw new Error('expected a wait');
		expect((longer.retryAt.getTime() - Date.now()) / 1000).toBeGreaterThan(55);
	});

	it('lets the owner in from their own address while someone else guesses their password', async () => {
		const limiter = new LoginLimiter(defaultLoginLimits, storeOn(db.sql));
		for (let i = 0; i < 20; i++) {
			await attempt(limiter, 'coordinator@wsp.example', `fout ${i}`, `198.51.100.${i % 4}`);
		}
		expect(
			await attempt(limiter, 'coordinator@wsp.example', 'paars fietsje onder de brug', '192.0.2.77')
		).toMatchObject({ ok: true });
	});

	it('pauses a client address that tries many accounts', async () => {
		const limiter = new LoginLimiter({ ...defaultLoginLimits, perAddress: 3 }, storeOn(db.sql));
		for (let i = 0; i < 3; i++) await attempt(limiter, `gok${i}@wsp.example`, 'x', '203.0.113.7');
		expect(
			await attempt(limiter, 'coordinator@wsp.example', 'paars fietsje onder de brug', '203.0.113.7')
		).toMatchObject({ reason: 'throttled' });
		expect(
			await attempt(limiter, 'coordinator@wsp.example', 'paars fietsje onder de brug', '203.0.113.8')
		).toMatchObject({ ok: true });
	});

	it('forgets earlier typos once the owner gets in', async () => {
		const limiter = new LoginLimiter(defaultLoginLimits, storeOn(db.sql));
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
