import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import { fakeClock } from '../clock';
import type { Database } from '../db/database';
import { logIn } from './login';
import { isPasswordResetTokenValid, requestPasswordReset, resetPassword } from './password-reset';
import { storeOn } from '../rate-limit/rate-limit';
import { defaultLoginLimits, LoginLimiter } from './rate-limit';
import { createSession, validateSessionToken } from './session';
import { createUser } from './user';

let db: Database;
beforeAll(async () => {
	db = await createTestDatabase();
});
afterAll(() => db?.close());

const origin = 'https://kandidatenverkenner.example';
let n = 0;

/** The link as the user finds it in the queued e-mail. */
async function linkFromMail(userId: string): Promise<string> {
	const [mail] = await db.sql`select text_body from mail_outbox
		where related_id = ${userId} and kind = 'password-reset' order by created_at desc limit 1`;
	const match = /\/wachtwoord-herstellen\/([a-z2-7]+)/.exec(mail.text_body);
	return match![1];
}

async function userWithResetLink(clock = fakeClock('2025-03-03T08:00:00Z')) {
	const email = `herstel${++n}@gemeente.example`;
	const user = await createUser(db.sql, {
		email,
		name: 'H',
		role: 'wsp',
		regionCode: 'AM03',
		password: 'oud maar veilig wachtwoord'
	});
	await requestPasswordReset(db.sql, clock, { email: email.toUpperCase(), origin });
	return { user, email, clock, token: await linkFromMail(user.id) };
}

describe('password reset', () => {
	it('e-mails a link with which the user sets a new password and can log in with it', async () => {
		const { user, email, clock, token } = await userWithResetLink();
		const [mail] = await db.sql`select to_address, subject from mail_outbox where related_id = ${user.id}`;
		expect(mail.to_address).toBe(email);
		expect(await resetPassword(db.sql, clock, { token, password: 'nieuw en heel geheim!' })).toEqual({
			ok: true,
			userId: user.id
		});
		const login = await logIn(db.sql, clock, new LoginLimiter(defaultLoginLimits, storeOn(db.sql)), {
			email,
			password: 'nieuw en heel geheim!',
			clientAddress: '192.0.2.1'
		});
		expect(login.ok).toBe(true);
	});

	it('works only once', async () => {
		const { clock, token } = await userWithResetLink();
		expect(await resetPassword(db.sql, clock, { token, password: 'nieuw en heel geheim!' })).toMatchObject({
			ok: true
		});
		expect(await isPasswordResetTokenValid(db.sql, clock, token)).toBe(false);
		expect(await resetPassword(db.sql, clock, { token, password: 'nog een ander wachtwoord' })).toMatchObject(
			{
				ok: false,
				reason: 'invalid-token'
			}
		);
	});

	it('expires after one hour', async () => {
		const { clock, token } = await userWithResetLink();
		clock.advance(59 * 60 * 1000);
		expect(await isPasswordResetTokenValid(db.sql, clock, token)).toBe(true);
		clock.advance(60 * 1000);
		expect(await isPasswordResetTokenValid(db.sql, clock, token)).toBe(false);
		expect(await resetPassword(db.sql, clock, { token, password: 'nieuw en heel geheim!' })).toMatchObject({
			ok: false,
			reason: 'invalid-token'
		});
	});

	it('keeps the link usable when the new password is refused', async () => {
		const { clock, token } = await userWithResetLink();
		expect(await resetPassword(db.sql, clock, { token, password: 'welkom123456' })).toMatchObject({
			ok: false,
			reason: 'weak-password'
		});
		expect(await isPasswordResetTokenValid(db.sql, clock, token)).toBe(true);
	});

	it('logs the account out everywhere', async () => {
		const { user, clock, token } = await userWithResetLink();
		const session = await createSession(db.sql, clock, user.id);
		await resetPassword(db.sql, clock, { token, password: 'nieuw en heel geheim!' });
		expect(await validateSessionToken(db.sql, clock, session.token)).toBeNull();
	});

	it('sends nothing for an unknown address, without saying so', async () => {
		const before = (await db.sql`select count(*)::int as n from mail_outbox`)[0].n;
		await expect(
			requestPasswordReset(db.sql, fakeClock('2025-03-03T08:00:00Z'), {
				email: 'onbekend@example.nl',
				origin
			})
		).resolves.toBeUndefined();
		expect((await db.sql`select count(*)::int as n from mail_outbox`)[0].n).toBe(before);
	});
});
