import type { Sql } from '../db/database';
import { refuse, type Outcome } from '../result';
import { recordAudit } from '../audit';
import { hashPassword, passwordProblem, verifyPasswordHash } from './password';
import { invalidateUserSessions } from './session';
import type { SessionUser } from './session-user';
import { listRegionTeam } from './user';
import { isCalendarDay } from '$lib/time';

export type AccountChange = Outcome<object, 'wrong-password' | 'weak-password' | 'invalid-absence'>;

/** Other devices are logged out: a password is usually changed because it might be known to someone. */
export async function changePassword(
	sql: Sql,
	input: { user: SessionUser; sessionId: string; current: string; next: string }
): Promise<AccountChange> {
	const [row] = await sql<
		{ password_hash: string | null }[]
	>`select password_hash from users where id = ${input.user.id} and active`;
	if (!row?.password_hash || !(await verifyPasswordHash(row.password_hash, input.current))) {
		return refuse('wrong-password', 'Uw huidige wachtwoord klopt niet.', 'huidig');
	}
	const problem = passwordProblem(input.next, input.user.email);
	if (problem) return refuse('weak-password', problem, 'nieuw');
	const hash = await hashPassword(input.next);
	await sql.begin(async (tx) => {
		await tx`update users set password_hash = ${hash} where id = ${input.user.id}`;
		await invalidateUserSessions(tx, input.user.id, { except: input.sessionId });
		await recordAudit(tx, {
			userId: input.user.id,
			action: 'password-changed',
			subjectType: 'user',
			subjectId: input.user.id
		});
	});
	return { ok: true };
}

/**
 * A WSP member's absence, by calendar day in Dutch time: from the start of `from` until the end of
 * `until`. The backup must be an active colleague of the same team.
 */
export async function setAbsence(
	sql: Sql,
	input: { user: SessionUser; from: string; until: string; backupUserId: string | null }
): Promise<AccountChange> {
	if (input.user.role !== 'wsp' || !input.user.regionCode) {
		return refuse('invalid-absence', 'Alleen leden van een WSP-team kunnen afwezigheid doorgeven.', 'van');
	}
	if (!isCalendarDay(input.from))
		return refuse('invalid-absence', 'Vul de eerste dag van uw afwezigheid in.', 'van');
	if (!isCalendarDay(input.until))
		return refuse('invalid-absence', 'Vul de laatste dag van uw afwezigheid in.', 'tot');
	if (input.until < input.from) {
		return refuse('invalid-absence', 'De laatste dag kan niet voor de eerste dag liggen.', 'tot');
	}
	if (input.backupUserId) {
		const team = await listRegionTeam(sql, input.user.regionCode);
		if (input.backupUserId === input.user.id || !team.some((m) => m.id === input.backupUserId)) {
			return refuse('invalid-absence', 'Kies een collega uit uw eigen team.', 'collega');
		}
	}
	await sql.begin(async (tx) => {
		await tx`update users set
			absent_from = (${input.from}::date)::timestamp at time zone 'Europe/Amsterdam',
			absent_until = (${input.until}::date + 1)::timestamp at time zone 'Europe/Amsterdam',
			backup_user_id = ${input.backupUserId}
			where id = ${input.user.id}`;
		await recordAudit(tx, {
			userId: input.user.id,
			action: 'absence-set',
			subjectType: 'user',
			subjectId: input.user.id,
			details: { backupUserId: input.backupUserId }
		});
	});
	return { ok: true };
}

export async function clearAbsence(sql: Sql, user: SessionUser): Promise<void> {
	await sql.begin(async (tx) => {
		await tx`update users set absent_from = null, absent_until = null, backup_user_id = null where id = ${user.id}`;
		await recordAudit(tx, {
			userId: user.id,
			action: 'absence-cleared',
			subjectType: 'user',
			subjectId: user.id
		});
	});
}
