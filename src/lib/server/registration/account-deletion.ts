import type { Sql } from '../db/database';
import { refuse, type Outcome } from '../result';
import { recordAudit } from '../audit';
import { verifyPasswordHash } from '../auth/password';
import type { SessionUser } from '../auth/session-user';

export type DeletionResult = Outcome<object, 'staff' | 'not-confirmed' | 'wrong-password'>;

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
		return refuse(
			'staff',
			'Medewerkers kunnen hun account niet zelf verwijderen. Vraag het aan de beheerder.',
			'bevestig'
		);
	}
	if (!input.confirmed) {
		return refuse('not-confirmed', 'Vink aan dat u uw account wilt verwijderen.', 'bevestig');
	}
	const [row] = await sql<
		{ password_hash: string | null }[]
	>`select password_hash from users where id = ${input.user.id}`;
	if (!row?.password_hash || !(await verifyPasswordHash(row.password_hash, input.password))) {
		return refuse('wrong-password', 'Uw wachtwoord klopt niet.', 'wachtwoord');
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
