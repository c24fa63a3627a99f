import type { Outcome } from '../result';
import { refuseAction } from './change';
import { recordAudit } from '../audit';
import { listRegionTeam } from '../auth/user';
import type { Sql } from '../db/database';
import type { Queryable } from '../db/database';

/** An employer as the WSP of one region knows it: by KvK number, with its fixed contact person. */
export interface Employer {
	id: number;
	regionCode: string;
	kvkNumber: string;
	accountManagerId: string | null;
}

/** The employer of this region with this KvK number, created on its first request. */
export async function findOrCreateEmployer(
	tx: Queryable,
	regionCode: string,
	kvkNumber: string,
	now: Date
): Promise<Employer> {
	const [row] = await tx<Employer[]>`
		insert into employers (region_code, kvk_number, created_at)
		values (${regionCode}, ${kvkNumber}, ${now})
		on conflict (region_code, kvk_number) do update set kvk_number = excluded.kvk_number
		returning id::int, region_code as "regionCode", kvk_number as "kvkNumber",
			account_manager_id as "accountManagerId"`;
	return row;
}

/** The first routing makes its adviser the fixed contact, unless a coordinator already chose one. */
export async function adoptFirstRouting(tx: Queryable, employerId: number, userId: string, now: Date) {
	await tx`
		update employers set account_manager_id = ${userId}, account_manager_set_by = null,
			account_manager_set_at = ${now}
		where id = ${employerId} and account_manager_id is null`;
}

export type AccountManagerError = 'not_in_team' | 'not_found' | 'forbidden';

/**
 * A coordinator (or admin) sets the employer's fixed contact. The next request of this company in this
 * region goes to them. The CALLER has checked region access; the coordinator role is checked here.
 */
export async function setAccountManager(
	sql: Sql,
	input: {
		employerId: number;
		userId: string;
		by: { id: string; role: string; isCoordinator: boolean };
		now: Date;
	}
): Promise<Outcome<object, AccountManagerError>> {
	if (input.by.role !== 'admin' && !input.by.isCoordinator) return refuseAction('forbidden');
	return sql.begin(async (tx) => {
		const [employer] = await tx<{ region_code: string; account_manager_id: string | null }[]>`
			select region_code, account_manager_id from employers where id = ${input.employerId} for update`;
		if (!employer) return refuseAction('not_found' as const);
		const team = await listRegionTeam(tx, employer.region_code);
		if (!team.some((m) => m.id === input.userId)) return refuseAction('not_in_team' as const);
		await tx`
			update employers set account_manager_id = ${input.userId}, account_manager_set_by = ${input.by.id},
				account_manager_set_at = ${input.now}
			where id = ${input.employerId}`;
		await recordAudit(tx, {
			userId: input.by.id,
			action: 'employer-contact-set',
			subjectType: 'employer',
			subjectId: String(input.employerId),
			details: { from: employer.account_manager_id, to: input.userId }
		});
		return { ok: true as const };
	});
}
