import type { Queryable } from '../db/database';

export type SavingStatus = 'allowed' | 'unverified' | 'pending';

export const SAVING_MESSAGES: Record<Exclude<SavingStatus, 'allowed'>, string> = {
	unverified:
		'Bevestig eerst uw e-mailadres. Klik op de link in de e-mail die we u stuurden toen u zich aanmeldde.',
	pending:
		'Uw aanmelding wacht op goedkeuring. Zodra een medewerker van het werkgeversservicepunt uw aanmelding heeft goedgekeurd, kunt u zoekopdrachten bewaren. U krijgt daarover een e-mail.'
};

/**
 * Whether this intermediary may keep searches. Self-registered accounts need a confirmed address and
 * an approval; an intermediary an admin invited was approved by that invitation (no registration row).
 */
export async function savingStatus(sql: Queryable, userId: string): Promise<SavingStatus> {
	const [row] = await sql<{ verified: boolean; approved: boolean; registered: boolean }[]>`
		select u.email_verified_at is not null as verified, u.approved_at is not null as approved,
			exists (select 1 from registrations r where r.user_id = u.id) as registered
		from users u where u.id = ${userId} and u.role = 'intermediair' and u.active`;
	if (!row) return 'pending';
	if (!row.verified) return 'unverified';
	return row.approved || !row.registered ? 'allowed' : 'pending';
}
