import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, usesPostgres } from '../../../../tests/helpers/test-database';
import { logIn } from '../auth/login';
import { defaultLoginLimits, LoginLimiter } from '../auth/rate-limit';
import { AddressAndAccountLimit } from '../rate-limit/address-and-account';
import { storeOn } from '../rate-limit/rate-limit';
import type { SessionUser } from '../auth/session-user';
import { createUser } from '../auth/user';
import { fakeClock } from '../clock';
import type { Database } from '../db/database';
import { insertStaff } from '../requests/test-fixtures';
import { savingStatus } from '../saved-searches/eligibility';
import { createSavedSearch, setAlertFrequency } from '../saved-searches/saved-search-store';
import { deleteOwnAccount } from './account-deletion';
import { exportAccountData } from './account-export';
import { approveRegistration, listPendingRegistrations, refuseRegistration } from './approval';
import {
	issueVerificationToken,
	isVerificationTokenValid,
	verifyEmail,
	withdrawRegistration
} from './email-verification';
import { registerIntermediary } from './register-intermediary';
import { parseRegistration, type Registration } from './registration-form';

const origin = 'https://kv.example';
const PASSWORD = 'lange zin als wachtwoord';
let db: Database;
let coordinator: SessionUser;
let adviser: SessionUser;

beforeAll(async () => {
	db = await createTestDatabase();
	coordinator = await insertStaff(db.sql, { coordinator: true });
	adviser = await insertStaff(db.sql);
});
afterAll(() => db?.close());

const clock = fakeClock('2026-03-02T09:00:00Z');

function registration(email: string): Registration {
	return {
		kind: 'intermediair',
		organisation: 'Re-integratie Noord',
		kvk: '12345678',
		name: 'Fatima Jansen',
		email,
		phone: null,
		password: PASSWORD
	};
}

async function mailsTo(email: string) {
	return db.sql`select kind, text_body from mail_outbox where lower(to_address) = lower(${email}) order by created_at`;
}

async function verificationToken(email: string): Promise<string> {
	const mails = await mailsTo(email);
	const mail = mails.findLast((m) => m.kind === 'email-verification');
	return /\/registreren\/bevestigen\/([a-z2-7]+)/.exec(mail!.text_body)![1];
}

async function userIdOf(email: string): Promise<string> {
	const [row] = await db.sql`select id from users where lower(email) = lower(${email})`;
	return row.id;
}

describe('registration form', () => {
	it('lists every problem in Dutch and keeps what was typed, but not the password', () => {
		const form = new FormData();
		form.set('soort', 'intermediair');
		form.set('organisatie', 'Bureau');
		form.set('kvk', '1234');
		form.set('naam', 'Piet');
		form.set('email', 'piet@bureau');
		form.set('wachtwoord', 'kort');
		const result = parseRegistration(form);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		const { errors, values } = result.failure;
		expect(Object.keys(errors).sort()).toEqual(['email', 'kvk', 'toestemming', 'wachtwoord']);
		expect(errors.kvk).toContain('8 cijfers');
		expect(values).toMatchObject({ organisatie: 'Bureau', kvk: '1234', naam: 'Piet' });
		expect(JSON.stringify(values)).not.toContain('kort');
	});

	it('accepts a complete form', () => {
		const form = new FormData();
		for (const [k, v] of Object.entries({
			soort: 'werkgever',
			organisatie: 'Bakkerij',
			kvk: '1234 5678',
			naam: 'Piet  de Vries',
			email: 'piet@bakkerij.example',
			telefoon: '',
			wachtwoord: PASSWORD,
			toestemming: 'ja'
		}))
			form.set(k, v);
		const result = parseRegistration(form);
		expect(result.ok && result.registration).toMatchObject({
			kind: 'werkgever',
			kvk: '12345678',
			name: 'Piet de Vries',
			phone: null
		});
	});

	it('limits attempts per e-mail address', async () => {
		const limiter = new AddressAndAccountLimit(
			'registration',
			{ perAddress: 100, perAccount: 2, windowSeconds: 60 },
			storeOn(db.sql)
		);
		expect(await limiter.allow('10.0.0.1', 'a@b.example')).toBe(true);
		expect(await limiter.allow('10.0.0.2', 'A@b.example')).toBe(true);
		expect(await limiter.allow('10.0.0.3', 'a@b.example')).toBe(false);
	});
});

describe('register, verify, approve', () => {
	it('takes an intermediary from registration to saving searches', async () => {
		const email = 'coach@reintegratie.example';
		await registerIntermediary(db.sql, clock, registration(email), origin);
		const id = await userIdOf(email);
		expect(await savingStatus(db.sql, id)).toBe('unverified');
		expect((await listPendingRegistrations(db.sql)).find((p) => p.userId === id)?.emailVerified).toBe(false);
		expect((await approveRegistration(db.sql, clock, { userId: id, by: coordinator, origin })).ok).toBe(
			false
		);

		const token = await verificationToken(email);
		expect(await isVerificationTokenValid(db.sql, clock, token)).toBe(true);
		expect(await verifyEmail(db.sql, clock, token)).toBe(true);
		expect(await verifyEmail(db.sql, clock, token)).toBe(false);
		expect(await savingStatus(db.sql, id)).toBe('pending');

		// An adviser who is not a coordinator cannot decide.
		expect((await approveRegistration(db.sql, clock, { userId: id, by: adviser, origin })).ok).toBe(false);
		expect((await approveRegistration(db.sql, clock, { userId: id, by: coordinator, origin })).ok).toBe(true);
		expect(await savingStatus(db.sql, id)).toBe('allowed');
		expect((await mailsTo(email)).map((m) => m.kind)).toEqual([
			'email-verification',
			'registration-approved'
		]);
		expect((await listPendingRegistrations(db.sql)).some((p) => p.userId === id)).toBe(false);

		const login = await logIn(db.sql, clock, new LoginLimiter(defaultLoginLimits, storeOn(db.sql)), {
			email,
			password: PASSWORD,
			clientAddress: '10.1.1.1'
		});
		expect(login.ok).toBe(true);
	});

	it('does not reveal that an address has an account: it mails the owner instead', async () => {
		const email = 'bestaat@reintegratie.example';
		await registerIntermediary(db.sql, clock, registration(email), origin);
		await verifyEmail(db.sql, clock, await verificationToken(email));
		const id = await userIdOf(email);
		await registerIntermediary(
			db.sql,
			clock,
			{ ...registration(email.toUpperCase()), name: 'Iemand Anders' },
			origin
		);
		expect(await userIdOf(email)).toBe(id);
		expect((await mailsTo(email)).map((m) => m.kind)).toEqual([
			'email-verification',
			'registration-account-exists'
		]);
	});

	it('never lets a second registration replace the password of one that waits for confirmation', async () => {
		const email = 'wacht@reintegratie.example';
		await registerIntermediary(db.sql, clock, registration(email), origin);
		const first = await userIdOf(email);
		const ownersLink = await verificationToken(email);
		await registerIntermediary(
			db.sql,
			clock,
			{ ...registration(email), password: 'het wachtwoord van een ander' },
			origin
		);
		expect(await userIdOf(email)).toBe(first);
		const mails = await mailsTo(email);
		expect(mails.map((m) => m.kind)).toEqual(['email-verification', 'registration-pending']);
		// The second mail confirms nothing: it only offers to withdraw.
		expect(mails[1].text_body).not.toContain('/registreren/bevestigen/');

		expect(await verifyEmail(db.sql, clock, ownersLink)).toBe(true);
		await approveRegistration(db.sql, clock, { userId: first, by: coordinator, origin });
		const attempt = (password: string) =>
			logIn(db.sql, clock, new LoginLimiter(defaultLoginLimits, storeOn(db.sql)), {
				email,
				password,
				clientAddress: '10.1.1.3'
			});
		expect((await attempt('het wachtwoord van een ander')).ok).toBe(false);
		expect((await attempt(PASSWORD)).ok).toBe(true);
	});

	it('lets the owner withdraw a pending registration from the mail, and register afresh', async () => {
		const email = 'opnieuw@reintegratie.example';
		await registerIntermediary(db.sql, clock, registration(email), origin);
		const oldToken = await verificationToken(email);
		await registerIntermediary(db.sql, clock, registration(email), origin);
		const [pending] = (await mailsTo(email)).filter((m) => m.kind === 'registration-pending');
		const withdraw = /\/registreren\/intrekken\/([a-z2-7]+)/.exec(pending.text_body)![1];
		// A withdrawal link does not confirm, and a confirmation link does not withdraw.
		expect(await verifyEmail(db.sql, clock, withdraw)).toBe(false);
		expect(await withdrawRegistration(db.sql, clock, oldToken)).toBe(false);
		expect(await isVerificationTokenValid(db.sql, clock, withdraw, 'intrekken')).toBe(true);
		expect(await withdrawRegistration(db.sql, clock, withdraw)).toBe(true);
		expect(await db.sql`select 1 from users where lower(email) = ${email}`).toHaveLength(0);
		expect(await withdrawRegistration(db.sql, clock, withdraw)).toBe(false);

		await registerIntermediary(db.sql, clock, registration(email), origin);
		expect(await verifyEmail(db.sql, clock, await verificationToken(email))).toBe(true);
	});

	it('lets a new attempt replace a registration whose links have all expired', async () => {
		const email = 'verlopen@reintegratie.example';
		await registerIntermediary(db.sql, clock, registration(email), origin);
		const first = await userIdOf(email);
		const later = fakeClock(new Date(clock.now().getTime() + 49 * 3600_000));
		await registerIntermediary(db.sql, later, registration(email), origin);
		expect(await userIdOf(email)).not.toBe(first);
		expect(await verifyEmail(db.sql, later, await verificationToken(email))).toBe(true);
	});

	// Skipped on embedded PGlite only: it has one connection, so two transactions cannot overlap there.
	// CI sets DATABASE_URL, so this always runs there.
	it.skipIf(!usesPostgres())(
		'answers two registrations of one address at the same moment without an error',
		async () => {
			const email = 'tegelijk@reintegratie.example';
			let release!: () => void;
			const held = new Promise<void>((resolve) => (release = resolve));
			let inserted!: () => void;
			const firstInserted = new Promise<void>((resolve) => (inserted = resolve));
			// The first registration has written its row but not committed when the second one looks.
			const first = db.sql.begin(async (tx) => {
				const user = await createUser(tx, { email, role: 'intermediair', name: 'Eerste' });
				await tx`insert into registrations (user_id, kind, consented_at, created_at)
					values (${user.id}, 'intermediair', now(), now())`;
				await issueVerificationToken(tx, user.id, clock.now());
				inserted();
				await held;
			});
			await firstInserted;
			const second = registerIntermediary(db.sql, clock, registration(email), origin);
			for (let i = 0; i < 100; i++) {
				const [{ waiting }] = await db.sql<{ waiting: number }[]>`
					select count(*)::int as waiting from pg_locks where not granted`;
				if (waiting > 0) break;
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
			release();
			await first;
			await expect(second).resolves.toBeUndefined();
			expect(await db.sql`select 1 from users where lower(email) = ${email}`).toHaveLength(1);
			expect((await mailsTo(email)).map((m) => m.kind)).toEqual(['registration-pending']);
		}
	);

	it('expires verification links after two days', async () => {
		const email = 'traag@reintegratie.example';
		await registerIntermediary(db.sql, clock, registration(email), origin);
		const late = fakeClock(new Date(clock.now().getTime() + 49 * 3600_000));
		expect(await verifyEmail(db.sql, late, await verificationToken(email))).toBe(false);
	});

	it('deletes a refused registration', async () => {
		const email = 'nee@reintegratie.example';
		await registerIntermediary(db.sql, clock, registration(email), origin);
		await verifyEmail(db.sql, clock, await verificationToken(email));
		const id = await userIdOf(email);
		expect((await refuseRegistration(db.sql, { userId: id, by: coordinator })).ok).toBe(true);
		const [row] = await db.sql`select count(*)::int as n from users where id = ${id}`;
		expect(row.n).toBe(0);
		expect((await mailsTo(email)).at(-1)!.kind).toBe('registration-refused');
	});
});

describe('an intermediary’s own data', () => {
	it('exports it, and deleting the account deletes searches, alerts and sessions', async () => {
		const email = 'weg@reintegratie.example';
		await registerIntermediary(db.sql, clock, { ...registration(email), phone: '06 12345678' }, origin);
		await verifyEmail(db.sql, clock, await verificationToken(email));
		const id = await userIdOf(email);
		await approveRegistration(db.sql, clock, { userId: id, by: coordinator, origin });
		const saved = await createSavedSearch(db.sql, clock, {
			userId: id,
			name: 'Mijn zoekopdracht',
			query: 'q=bakker'
		});
		if (!saved.ok) throw new Error('expected a saved search');
		await setAlertFrequency(db.sql, clock, { userId: id, id: saved.search.id, frequency: 'weekly' });
		await db.sql`insert into saved_search_unsubscribe_tokens (token_hash, saved_search_id, created_at)
			values ('x', ${saved.search.id}, now())`;
		const login = await logIn(db.sql, clock, new LoginLimiter(defaultLoginLimits, storeOn(db.sql)), {
			email,
			password: PASSWORD,
			clientAddress: '10.1.1.2'
		});
		if (!login.ok) throw new Error('expected to log in');

		const exported = await exportAccountData(db.sql, id, clock.now());
		expect(exported!.account).toMatchObject({
			eMailadres: email,
			telefoon: '06 12345678',
			kvkNummer: '12345678'
		});
		expect(exported!.zoekopdrachten).toEqual([
			expect.objectContaining({ naam: 'Mijn zoekopdracht', zoekopdracht: 'q=bakker', eMailBericht: 'weekly' })
		]);

		const user = login.user;
		expect(
			(await deleteOwnAccount(db.sql, { user, password: 'verkeerd wachtwoord', confirmed: true })).ok
		).toBe(false);
		expect((await deleteOwnAccount(db.sql, { user, password: PASSWORD, confirmed: false })).ok).toBe(false);
		expect((await deleteOwnAccount(db.sql, { user, password: PASSWORD, confirmed: true })).ok).toBe(true);
		const [left] = await db.sql`select
			(select count(*)::int from users where id = ${id}) as users,
			(select count(*)::int from saved_searches where user_id = ${id}) as searches,
			(select count(*)::int from saved_search_unsubscribe_tokens where saved_search_id = ${saved.search.id}) as tokens,
			(select count(*)::int from sessions where user_id = ${id}) as sessions,
			(select count(*)::int from registrations where user_id = ${id}) as registrations`;
		expect(left).toEqual({ users: 0, searches: 0, tokens: 0, sessions: 0, registrations: 0 });
	});
});
