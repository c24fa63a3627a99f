import { recordAudit } from '../audit';
import type { Sql } from '../db/database';
import { refuse, type Outcome } from '../result';
import { phoneProblem } from '../forms/fields';
import type { SessionUser } from './session-user';

export async function getStaffPhone(sql: Sql, userId: string): Promise<string> {
	const [row] = await sql<{ phone: string | null }[]>`select phone from users where id = ${userId}`;
	return row?.phone ?? '';
}

/**
 * A WSP member's own direct phone number, shown to the employers whose adviser they are. Empty clears it.
 * Only WSP members have one: the role is checked here, server-side.
 */
export async function setStaffPhone(
	sql: Sql,
	user: SessionUser,
	input: string
): Promise<Outcome<object, 'not-staff' | 'invalid-phone'>> {
	if (user.role !== 'wsp') {
		return refuse('not-staff', 'Alleen medewerkers van een WSP hebben een telefoonnummer.', 'telefoon');
	}
	const phone = input.trim();
	if (phone) {
		const problem = phoneProblem(phone);
		if (problem) return refuse('invalid-phone', problem, 'telefoon');
	}
	await sql.begin(async (tx) => {
		await tx`update users set phone = ${phone || null} where id = ${user.id}`;
		await recordAudit(tx, {
			userId: user.id,
			action: 'staff-phone-changed',
			subjectType: 'user',
			subjectId: user.id
		});
	});
	return { ok: true };
}
