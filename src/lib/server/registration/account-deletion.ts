import type { Sql } from '../db/database';
import { recordAudit } from '../audit';
import { verifyPasswordHash } from '../auth/password';
import type { SessionUser } from '../auth/session-user';

export type DeletionResult = { ok: true } | { ok: false; field: string; message: string };

/**
 * An intermediary deletes their own account. Sessions, saved searches, alerts and their unsubscribe
 * links, tokens and registration details go with it (foreign keys cascade). Staff accounts are ended by
 * an admin instead, because requests and the audit log refer to them.
 */
export async function deleteOwnAccount(
	sql: Sql,
	input: { user: SessionUser; password: string; confirmed: boolean }
): Promise<DeletionResult> {
	if (input.user.role !== 'intermediair') {
		return {
			ok: false,
			field: 'bevestig',
			message: 'Medewerkers kunnen hun account niet zelf verwijderen. Vraag het aan de beheerder.'
		};
	}
	if (!input.confirmed) {
		return { ok: false, field: 'bevestig', message: 'Vink aan dat u uw account wilt verwijderen.' };
	}
	const [row] = await sql`select password_hash from users where id = ${input.user.id}`;
	if (!row?.password_hash || !(await verifyPasswordHash(row.password_hash, input.password))) {
		return { ok: false, field: 'wachtwoord', message: 'Uw wachtwoord klopt niet.' };
	}
	await sql.begin(async (tx) => {
		await tx`delete from users where id = ${input.user.id}`;
		await recordAudit(tx, {
			userId: null,
			action: 'account-deleted',
			subjectType: 'user',
			subjectId: input.user.id
		});
	});
	return { ok: true };
}
