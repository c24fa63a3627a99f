import type { Clock } from '../clock';
import { refuse, type Refusal } from '../result';
import type { Sql } from '../db/database';
import { recordAudit } from '../audit';
import { passwordResetMail } from './auth-mail';
import { hashPassword, passwordProblem } from './password';
import { issueLink } from './link-mail';
import { hashToken } from './random';
import { invalidateUserSessions } from './session';

export const PASSWORD_RESET_VALID_MS = 60 * 60 * 1000;

/**
 * E-mails a one-time link when the address belongs to an active account that has a password. The caller
 * shows the same message either way, so the form cannot be used to find out who has an account.
 */
export async function requestPasswordReset(
	sql: Sql,
	clock: Clock,
	input: { email: string; origin: string }
): Promise<void> {
	const now = clock.now();
	await sql.begin(async (tx) => {
		const [user] = await tx<{ id: string; email: string }[]>`select id, email from users
			where lower(email) = lower(${input.email.trim()}) and active and password_hash is not null`;
		if (!user) return;
		await issueLink(tx, {
			table: 'password_reset_tokens',
			userId: user.id,
			now,
			validMs: PASSWORD_RESET_VALID_MS,
			mail: (token) => ({
				...passwordResetMail(`${input.origin}/wachtwoord-herstellen/${token}`),
				to: user.email,
				kind: 'password-reset',
				related: { type: 'user', id: user.id }
			}),
			audit: { userId: null, action: 'password-reset-requested', subjectType: 'user', subjectId: user.id }
		});
	});
}

/** Whether a link can still be used (to show the form, or say it has expired). */
export async function isPasswordResetTokenValid(sql: Sql, clock: Clock, token: string): Promise<boolean> {
	const [row] = await sql<{ found: number }[]>`select 1 as found from password_reset_tokens
		where token_hash = ${hashToken(token)} and used_at is null and expires_at > ${clock.now()}`;
	return Boolean(row);
}

export const EXPIRED_LINK = 'Deze link werkt niet meer.';

export type PasswordResetResult = { ok: true; userId: string } | Refusal<'invalid-token' | 'weak-password'>;

/**
 * Sets the new password and uses up the link (and every other open link of that account). All sessions
 * end: whoever knew the old password is logged out.
 */
export async function resetPassword(
	sql: Sql,
	clock: Clock,
	input: { token: string; password: string }
): Promise<PasswordResetResult> {
	const now = clock.now();
	return sql.begin(async (tx): Promise<PasswordResetResult> => {
		const [row] = await tx<{ user_id: string; email: string }[]>`
			select t.user_id, u.email from password_reset_tokens t join users u on u.id = t.user_id
			where t.token_hash = ${hashToken(input.token)} and t.used_at is null and t.expires_at > ${now}
				and u.active
			for update of t`;
		if (!row) return refuse('invalid-token', EXPIRED_LINK);
		const problem = passwordProblem(input.password, row.email);
		if (problem) return refuse('weak-password', problem, 'wachtwoord');
		await tx`update users set password_hash = ${await hashPassword(input.password)} where id = ${row.user_id}`;
		await tx`update password_reset_tokens set used_at = ${now} where user_id = ${row.user_id} and used_at is null`;
		await invalidateUserSessions(tx, row.user_id);
		await recordAudit(tx, {
			userId: row.user_id,
			action: 'password-reset',
			subjectType: 'user',
			subjectId: row.user_id
		});
		return { ok: true, userId: row.user_id };
	});
}
