import type { Clock } from '../clock';
import type { Queryable, Sql } from '../db/database';
import { recordAudit } from '../audit';
import { hashPassword } from '../auth/password';
import { createUser, getUserByEmail } from '../auth/user';
import { enqueueMail } from '../mail/outbox';
import { issueVerificationToken } from './email-verification';
import type { Registration } from './registration-form';
import { accountExistsMail, verificationMail } from './registration-mail';

async function isUnconfirmedRegistration(tx: Queryable, userId: string): Promise<boolean> {
	const [row] = await tx`select 1 from users u join registrations r on r.user_id = u.id
		where u.id = ${userId} and u.email_verified_at is null and u.approved_at is null`;
	return Boolean(row);
}

/**
 * Creates an intermediary account that can do nothing until its address is confirmed and an approver
 * has said yes. When the address has an account already, its owner gets a mail saying so and the
 * caller shows the same answer as for a new account: the form does not tell who is registered.
 */
export async function registerIntermediary(
	sql: Sql,
	clock: Clock,
	input: Registration,
	origin: string
): Promise<void> {
	const now = clock.now();
	// Hashed for both outcomes, so the answer takes as long whether or not the address is known.
	const passwordHash = await hashPassword(input.password);
	await sql.begin(async (tx) => {
		let existing = await getUserByEmail(tx, input.email);
		if (existing && (await isUnconfirmedRegistration(tx, existing.id))) {
			// Nobody proved they own this address yet: the new attempt replaces the old one (e.g. its link expired).
			await tx`delete from users where id = ${existing.id}`;
			existing = null;
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
		const token = await issueVerificationToken(tx, user.id, now);
		await enqueueMail(tx, {
			...verificationMail(`${origin}/registreren/bevestigen/${token}`),
			to: user.email,
			kind: 'email-verification',
			related: { type: 'user', id: user.id }
		});
		await recordAudit(tx, {
			userId: user.id,
			action: 'intermediary-registered',
			subjectType: 'user',
			subjectId: user.id,
			details: { kind: input.kind }
		});
	});
}
