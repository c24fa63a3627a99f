import type { Clock } from '../clock';
import type { Sql } from '../db/database';
import { refuse, type Outcome } from '../result';
import { recordAudit } from '../audit';
import { invalidateUserSessions } from './session';

export type StatusChange = Outcome<object, 'own-account' | 'unchanged'>;

/**
 * Ends the account's access at once: its sessions and open links are deleted in the same transaction.
 * The row stays, so the audit log and past requests still show who did what.
 */
export async function deactivateUser(
	sql: Sql,
	clock: Clock,
	input: { userId: string; byUserId: string }
): Promise<StatusChange> {
	if (input.userId === input.byUserId) {
		return refuse('own-account', 'U kunt uw eigen account niet uitschakelen.');
	}
	return sql.begin(async (tx): Promise<StatusChange> => {
		const rows = await tx<{ id: string }[]>`update users set active = false, deactivated_at = ${clock.now()}
			where id = ${input.userId} and active returning id`;
		if (!rows.length) return refuse('unchanged', 'Dit account is al uitgeschakeld.');
		await invalidateUserSessions(tx, input.userId);
		await tx`delete from password_reset_tokens where user_id = ${input.userId}`;
		await tx`delete from invitations where user_id = ${input.userId} and accepted_at is null`;
		// Colleagues who named this person as their backup need to choose someone else.
		await tx`update users set backup_user_id = null where backup_user_id = ${input.userId}`;
		await recordAudit(tx, {
			userId: input.byUserId,
			action: 'user-deactivated',
			subjectType: 'user',
			subjectId: input.userId
		});
		return { ok: true };
	});
}

export async function reactivateUser(
	sql: Sql,
	input: { userId: string; byUserId: string }
): Promise<StatusChange> {
	return sql.begin(async (tx): Promise<StatusChange> => {
		const rows = await tx<{ id: string }[]>`update users set active = true, deactivated_at = null
			where id = ${input.userId} and not active returning id`;
		if (!rows.length) return refuse('unchanged', 'Dit account is al actief.');
		await recordAudit(tx, {
			userId: input.byUserId,
			action: 'user-reactivated',
			subjectType: 'user',
			subjectId: input.userId
		});
		return { ok: true };
	});
}
