import type { Clock } from '../clock';
import type { Queryable, Sql } from '../db/database';
import { recordAudit } from '../audit';
import { hashToken, newLinkToken } from '../auth/random';

export const VERIFICATION_VALID_MS = 2 * 24 * 60 * 60 * 1000;

/** A one-time link for the address just registered; only its hash is kept. */
export async function issueVerificationToken(tx: Queryable, userId: string, now: Date): Promise<string> {
	const token = newLinkToken();
	await tx`insert into email_verification_tokens (token_hash, user_id, created_at, expires_at)
		values (${hashToken(token)}, ${userId}, ${now}, ${new Date(now.getTime() + VERIFICATION_VALID_MS)})`;
	return token;
}

export async function isVerificationTokenValid(sql: Sql, clock: Clock, token: string): Promise<boolean> {
	const [row] = await sql`select 1 from email_verification_tokens
		where token_hash = ${hashToken(token)} and used_at is null and expires_at > ${clock.now()}`;
	return Boolean(row);
}

/**
 * Confirms the address behind a link. It takes a button press (a POST), not just opening the link: mail
 * filters open links to scan them, and that must not count as the owner's confirmation.
 */
export async function verifyEmail(sql: Sql, clock: Clock, token: string): Promise<boolean> {
	const now = clock.now();
	return sql.begin(async (tx) => {
		const [row] = await tx`
			update email_verification_tokens set used_at = ${now}
			where token_hash = ${hashToken(token)} and used_at is null and expires_at > ${now}
			returning user_id`;
		if (!row) return false;
		await tx`update users set email_verified_at = ${now}
			where id = ${row.user_id} and email_verified_at is null`;
		await recordAudit(tx, {
			userId: row.user_id,
			action: 'email-verified',
			subjectType: 'user',
			subjectId: row.user_id
		});
		return true;
	});
}
