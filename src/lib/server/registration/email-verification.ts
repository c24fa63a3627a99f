import type { Clock } from '../clock';
import type { Queryable, Sql } from '../db/database';
import { recordAudit } from '../audit';
import { issueLink } from '../auth/link-mail';
import { hashToken } from '../auth/random';

export const VERIFICATION_VALID_MS = 2 * 24 * 60 * 60 * 1000;

/** What a registration link does: confirm the address, or withdraw a registration nobody confirmed. */
export type RegistrationLinkPurpose = 'bevestigen' | 'intrekken';

/** A one-time link for a registered address, without a mail (tests, and the mails below add their own). */
export function issueVerificationToken(
	tx: Queryable,
	userId: string,
	now: Date,
	purpose: RegistrationLinkPurpose = 'bevestigen'
): Promise<string> {
	return issueLink(tx, { ...registrationLink(userId, now, purpose), mail: null });
}

/** The link row of a registration link: the part every registration mail shares. */
export const registrationLink = (userId: string, now: Date, purpose: RegistrationLinkPurpose) => ({
	table: 'email_verification_tokens' as const,
	userId,
	now,
	validMs: VERIFICATION_VALID_MS,
	columns: { purpose }
});

export async function isVerificationTokenValid(
	sql: Sql,
	clock: Clock,
	token: string,
	purpose: RegistrationLinkPurpose = 'bevestigen'
): Promise<boolean> {
	const [row] = await sql<{ found: number }[]>`select 1 as found from email_verification_tokens
		where token_hash = ${hashToken(token)} and purpose = ${purpose} and used_at is null
			and expires_at > ${clock.now()}`;
	return Boolean(row);
}

/** Marks a link used if it is valid for `purpose`; the user it belongs to, or null. */
async function useRegistrationLink(
	tx: Queryable,
	token: string,
	purpose: RegistrationLinkPurpose,
	now: Date
): Promise<string | null> {
	const [row] = await tx<{ user_id: string }[]>`
		update email_verification_tokens set used_at = ${now}
		where token_hash = ${hashToken(token)} and purpose = ${purpose} and used_at is null
			and expires_at > ${now}
		returning user_id`;
	return row?.user_id ?? null;
}

/**
 * Confirms the address behind a link. It takes a button press (a POST), not just opening the link: mail
 * filters open links to scan them, and that must not count as the owner's confirmation.
 */
export async function verifyEmail(sql: Sql, clock: Clock, token: string): Promise<boolean> {
	const now = clock.now();
	return sql.begin(async (tx) => {
		const userId = await useRegistrationLink(tx, token, 'bevestigen', now);
		if (!userId) return false;
		await tx`update users set email_verified_at = ${now}
			where id = ${userId} and email_verified_at is null`;
		await recordAudit(tx, {
			userId: userId,
			action: 'email-verified',
			subjectType: 'user',
			subjectId: userId
		});
		return true;
	});
}

/**
 * Withdraws a registration whose address was never confirmed, from the link mailed when someone
 * registered the address again. A POST as well, for the same reason as confirming.
 */
export async function withdrawRegistration(sql: Sql, clock: Clock, token: string): Promise<boolean> {
	const now = clock.now();
	return sql.begin(async (tx) => {
		const userId = await useRegistrationLink(tx, token, 'intrekken', now);
		if (!userId) return false;
		const removed = await tx<{ id: string }[]>`delete from users
			where id = ${userId} and email_verified_at is null and approved_at is null
				and exists (select 1 from registrations r where r.user_id = users.id)
			returning id`;
		if (removed.length === 0) return false;
		await recordAudit(tx, {
			userId: null,
			action: 'registration-withdrawn',
			subjectType: 'user',
			subjectId: userId
		});
		return true;
	});
}
