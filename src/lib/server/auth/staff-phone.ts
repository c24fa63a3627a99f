import { recordAudit } from '../audit';
import type { Sql } from '../db/database';
import type { SessionUser } from './session-user';

const PHONE = /^\+?[0-9][0-9 ()-]{7,24}$/;

/** Digits, spaces, dashes and brackets, 10 to 15 digits: a Dutch or international direct number. */
export function phoneProblem(phone: string): string | null {
	if (!PHONE.test(phone)) return 'Vul een telefoonnummer in, zoals 030 123 45 67 of +31 30 123 45 67.';
	const digits = phone.replace(/\D/g, '').length;
	return digits < 10 || digits > 15 ? 'Een telefoonnummer heeft 10 tot 15 cijfers.' : null;
}

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
): Promise<{ ok: true } | { ok: false; message: string }> {
	if (user.role !== 'wsp')
		return { ok: false, message: 'Alleen medewerkers van een WSP hebben een telefoonnummer.' };
	const phone = input.trim();
	if (phone) {
		const problem = phoneProblem(phone);
		if (problem) return { ok: false, message: problem };
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
