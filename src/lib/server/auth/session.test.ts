import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import { fakeClock } from '../clock';
import type { Database } from '../db/database';
import { deactivateUser } from './account-status';
import {
	createSession,
	invalidateUserSessions,
	SESSION_ACTIVITY_CHECK_INTERVAL_MS,
	validateSessionToken
} from './session';
import { createUser } from './user';

let db: Database;
beforeAll(async () => {
	db = await createTestDatabase();
});
afterAll(() => db?.close());

const HOUR = 60 * 60 * 1000;
let n = 0;
const newUser = () =>
	createUser(db.sql, {
		email: `adviseur${++n}@gemeente.example`,
		name: 'Adviseur',
		role: 'wsp',
		regionCode: 'AM01'
	});

describe('sessions', () => {
	it('recognises the token it issued and knows who is logged in', async () => {
		const user = await newUser();
		const clock = fakeClock('2025-03-03T08:00:00Z');
		const { token } = await createSession(db.sql, clock, user.id);
		const result = await validateSessionToken(db.sql, clock, token);
		expect(result?.user).toEqual({
			id: user.id,
			email: user.email,
			name: 'Adviseur',
			role: 'wsp',
			regionCode: 'AM01',
			isCoordinator: false
		});
		const [stored] = await db.sql`select secret_hash from sessions where user_id = ${user.id}`;
		expect(Buffer.from(stored.secret_hash).toString()).not.toContain(token.split('.')[1]);
	});

	it('refuses a token with the right id but a wrong secret, and malformed tokens', async () => {
		const user = await newUser();
		const clock = fakeClock('2025-03-03T08:00:00Z');
		const { token } = await createSession(db.sql, clock, user.id);
		const [id, secret] = token.split('.');
		const wrong = secret.startsWith('a') ? 'b' + secret.slice(1) : 'a' + secret.slice(1);
		expect(await validateSessionToken(db.sql, clock, `${id}.${wrong}`)).toBeNull();
		expect(await validateSessionToken(db.sql, clock, id)).toBeNull();
		expect(await validateSessionToken(db.sql, clock, `${token}.extra`)).toBeNull();
		expect(await validateSessionToken(db.sql, clock, token)).not.toBeNull();
	});

	it('ends after 8 hours without activity, but stays while the user keeps working', async () => {
		const user = await newUser();
		const clock = fakeClock('2025-03-03T08:00:00Z');
		const { token } = await createSession(db.sql, clock, user.id);
		clock.advance(5 * HOUR);
		expect(await validateSessionToken(db.sql, clock, token)).not.toBeNull();
		clock.advance(5 * HOUR); // 10 hours after log-in, 5 after the last request
		expect(await validateSessionToken(db.sql, clock, token)).not.toBeNull();

		const idle = (await createSession(db.sql, fakeClock('2025-03-03T08:00:00Z'), user.id)).token;
		clock.set('2025-03-03T16:00:00Z');
		expect(await validateSessionToken(db.sql, clock, idle)).toBeNull();
	});

	it('ends 12 hours after logging in, however active the user is', async () => {
		const user = await newUser();
		const clock = fakeClock('2025-03-03T08:00:00Z');
		const { token } = await createSession(db.sql, clock, user.id);
		for (let hour = 1; hour < 12; hour++) {
			clock.set(new Date(Date.parse('2025-03-03T08:00:00Z') + hour * HOUR));
			expect(await validateSessionToken(db.sql, clock, token)).not.toBeNull();
		}
		clock.set('2025-03-03T20:00:00Z');
		expect(await validateSessionToken(db.sql, clock, token)).toBeNull();
	});

	it('records activity at most once per interval', async () => {
		const user = await newUser();
		const clock = fakeClock('2025-03-03T08:00:00Z');
		const { token, session } = await createSession(db.sql, clock, user.id);
		clock.advance(SESSION_ACTIVITY_CHECK_INTERVAL_MS - 1000);
		await validateSessionToken(db.sql, clock, token);
		const lastVerified = async () =>
			(await db.sql`select last_verified_at from sessions where id = ${session.id}`)[0].last_verified_at;
		expect(await lastVerified()).toEqual(new Date('2025-03-03T08:00:00Z'));
		clock.advance(1000);
		await validateSessionToken(db.sql, clock, token);
		expect(await lastVerified()).toEqual(clock.now());
	});

	it('ends every session of a deactivated account at once', async () => {
		const admin = await createUser(db.sql, { email: `beheer${++n}@example.nl`, role: 'admin', name: 'B' });
		const user = await newUser();
		const clock = fakeClock('2025-03-03T08:00:00Z');
		const a = await createSession(db.sql, clock, user.id);
		const b = await createSession(db.sql, clock, user.id);
		expect(await deactivateUser(db.sql, clock, { userId: user.id, byUserId: admin.id })).toEqual({
			ok: true
		});
		expect(await validateSessionToken(db.sql, clock, a.token)).toBeNull();
		expect(await validateSessionToken(db.sql, clock, b.token)).toBeNull();
		const [audit] = await db.sql`select action, user_id from audit_log where subject_id = ${user.id}`;
		expect(audit).toEqual({ action: 'user-deactivated', user_id: admin.id });
	});

	it('"overal uitloggen" ends the other sessions and can keep the current one', async () => {
		const user = await newUser();
		const clock = fakeClock('2025-03-03T08:00:00Z');
		const here = await createSession(db.sql, clock, user.id);
		const phone = await createSession(db.sql, clock, user.id);
		await invalidateUserSessions(db.sql, user.id, { except: here.session.id });
		expect(await validateSessionToken(db.sql, clock, phone.token)).toBeNull();
		expect(await validateSessionToken(db.sql, clock, here.token)).not.toBeNull();
		await invalidateUserSessions(db.sql, user.id);
		expect(await validateSessionToken(db.sql, clock, here.token)).toBeNull();
	});
});
