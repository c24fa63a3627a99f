import type { Clock } from '../clock';
import type { Queryable, Sql } from '../db/database';
import { hashPassword } from '../auth/password';
import { createUser, EmailTakenError, getUserByEmail } from '../auth/user';
import { enqueueMail } from '../mail/outbox';
import { issueLink } from '../auth/link-mail';
import { registrationLink } from './email-verification';
import type { Registration } from './registration-form';
import { accountExistsMail, registrationPendingMail, verificationMail } from './registration-mail';

type Pending = 'none' | 'expired' | 'open';

/** An unconfirmed registration of this user: still confirmable ('open'), or with every link expired. */
async function pendingRegistration(tx: Queryable, userId: string, now: Date): Promise<Pending> {
	const [row] = await tx<{ open: boolean }[]>`
		select exists (
			select 1 from email_verification_tokens t
			where t.user_id = u.id and t.purpose = 'bevestigen' and t.used_at is null and t.expires_at > ${now}
		) as open
		from users u join registrations r on r.user_id = u.id
		where u.id = ${userId} and u.email_verified_at is null and u.approved_at is null`;
	if (!row) return 'none';
	return row.open ? 'open' : 'expired';
}

/**
 * Creates an intermediary account that can do nothing until its address is confirmed and an approver
 * has said yes. When the address has an account already, its owner gets a mail saying so and the
 * caller shows the same answer as for a new account: the form does not tell who is registered.
 *
 * A registration that waits for confirmation is never replaced: whoever registered the address again
 * could otherwise choose the password the owner then activates. The owner gets a link to withdraw it
 * instead, and can register afresh. Only a registration whose links have all expired makes way.
 */
export async function registerIntermediary(
	sql: Sql,
	clock: Clock,
	input: Registration,
	origin: string
): Promise<void> {
	// Hashed for every outcome, so the answer takes as long whether or not the address is known.
	const passwordHash = await hashPassword(input.password);
	try {
		await register(sql, clock.now(), input, passwordHash, origin);
	} catch (error) {
		// Two registrations of one address at the same moment: the other one won the unique index.
		// Deciding again now sees it, and answers as for any registered address.
		if (!(error instanceof EmailTakenError)) throw error;
		await register(sql, clock.now(), input, passwordHash, origin);
	}
}

async function register(
	sql: Sql,
	now: Date,
	input: Registration,
	passwordHash: string,
	origin: string
): Promise<void> {
	await sql.begin(async (tx) => {
		let existing = await getUserByEmail(tx, input.email);
		const pending = existing ? await pendingRegistration(tx, existing.id, now) : 'none';
		if (existing && pending === 'expired') {
			await tx`delete from users where id = ${existing.id}`;
			existing = null;
		}
		if (existing && pending === 'open') {
			const owner = existing;
			await issueLink(tx, {
				...registrationLink(owner.id, now, 'intrekken'),
				mail: (token) => ({
					...registrationPendingMail(origin, `${origin}/registreren/intrekken/${token}`),
					to: owner.email,
					kind: 'registration-pending',
					related: { type: 'user', id: owner.id }
				})
			});
			return;
		}
		if (existing) {
			await enqueueMail(tx, {
				...accountExistsMail(origin),
				to: existing.email,
				kind: 'registration-account-exists',
				related: { type: 'user', id: existing.id }
			});
			return;
		}
		const user = await createUser(tx, { email: input.email, role: 'intermediair', name: input.name });
		await tx`update users set password_hash = ${passwordHash}, organisation = ${input.organisation},
			kvk = ${input.kvk}, email_verified_at = null, approved_at = null
			where id = ${user.id}`;
		await tx`insert into registrations (user_id, kind, phone, consented_at, created_at)
			values (${user.id}, ${input.kind}, ${input.phone}, ${now}, ${now})`;
		await issueLink(tx, {
			...registrationLink(user.id, now, 'bevestigen'),
			mail: (token) => ({
				...verificationMail(`${origin}/registreren/bevestigen/${token}`),
				to: user.email,
				kind: 'email-verification',
				related: { type: 'user', id: user.id }
			}),
			audit: {
				userId: user.id,
				action: 'intermediary-registered',
				subjectType: 'user',
				subjectId: user.id,
				details: { kind: input.kind }
			}
		});
	});
}
