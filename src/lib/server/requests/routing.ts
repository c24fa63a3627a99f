import { isAbsentAt } from '../auth/absence';
import { listRegionTeam } from '../auth/user';
import type { Queryable } from '../db/database';

export type RoutingReason =
	| 'fixed_contact'
	| 'fixed_contact_backup'
	| 'own_consultant'
	| 'own_consultant_backup'
	| 'fewest_open'
	| 'nobody_available'
	| 'reassigned';

type Member = Awaited<ReturnType<typeof listRegionTeam>>[number];

export interface RoutingDecision {
	assignedUserId: string | null;
	mailbox: string | null;
	coordinatorUserId: string | null;
	reason: RoutingReason;
	/** Ids and counts only; stored with the decision and shown on the request. */
	detail: { skippedAbsent?: string[]; openRequests?: number; consultantInTeam?: boolean };
	/** Who gets the notification mail (never stored, never logged). */
	notify: string[];
}

/** Away at `now`: skipped by routing and escalation. */
export const isAbsent = (member: Pick<Member, 'absentFrom' | 'absentUntil'>, now: Date) =>
	isAbsentAt(member, now);

/**
 * Who in the region's WSP team handles a new case: the employer's fixed contact (accountmanager), else
 * their backup when they are away; for an employer without one, the candidate's own consultant (or their
 * backup), else whoever has the fewest open cases (the longest-unassigned first on a tie), else the
 * region's shared mailbox with the coordinator. Call inside the submitting transaction: the advisory lock
 * makes concurrent requests for one region take turns, so ties really rotate.
 */
export async function routeRequest(
	tx: Queryable,
	input: {
		regionCode: string;
		consultantEmail: string | null;
		now: Date;
		/** The employer's fixed contact in this region, if it has one. */
		fixedContactId?: string | null;
	}
): Promise<RoutingDecision> {
	await tx`select pg_advisory_xact_lock(hashtext(${'interest-routing:' + input.regionCode}))`;
	const team = await listRegionTeam(tx, input.regionCode);
	const byId = new Map(team.map((m) => [m.id, m]));
	const absent = team.filter((m) => isAbsent(m, input.now)).map((m) => m.id);
	const available = team.filter((m) => !absent.includes(m.id));
	const detail: RoutingDecision['detail'] = absent.length ? { skippedAbsent: absent } : {};
	const assign = (m: Member, reason: RoutingReason, extra = {}): RoutingDecision => ({
		assignedUserId: m.id,
		mailbox: null,
		coordinatorUserId: null,
		reason,
		detail: { ...detail, ...extra },
		notify: [m.email]
	});

	const fixed = input.fixedContactId ? byId.get(input.fixedContactId) : undefined;
	if (fixed && !absent.includes(fixed.id)) return assign(fixed, 'fixed_contact');
	const fixedBackup = fixed?.backupUserId ? byId.get(fixed.backupUserId) : undefined;
	if (fixedBackup && !absent.includes(fixedBackup.id)) return assign(fixedBackup, 'fixed_contact_backup');

	const email = input.consultantEmail?.trim().toLowerCase();
	const consultant = email ? team.find((m) => m.email.toLowerCase() === email) : undefined;
	if (consultant && !absent.includes(consultant.id)) return assign(consultant, 'own_consultant');
	const backup = consultant?.backupUserId ? byId.get(consultant.backupUserId) : undefined;
	if (backup && !absent.includes(backup.id)) return assign(backup, 'own_consultant_backup');
	if (email) detail.consultantInTeam = Boolean(consultant);

	if (available.length) {
		const ids = available.map((m) => m.id);
		const open = await tx<{ id: string; open: number }[]>`
			select c.assigned_user_id as id, count(*)::int as open from request_cases c
			where c.assigned_user_id = any(${ids}::text[])
				and exists (select 1 from interest_requests r where r.case_id = c.id and r.status <> 'afgerond')
			group by c.assigned_user_id`;
		const last = await tx<{ id: string; at: Date }[]>`
			select assigned_user_id as id, max(decided_at) as at from request_routings
			where assigned_user_id = any(${ids}::text[]) group by assigned_user_id`;
		const openOf = (id: string) => open.find((r) => r.id === id)?.open ?? 0;
		const lastOf = (id: string) => last.find((r) => r.id === id)?.at.getTime() ?? 0;
		const [first] = [...available].sort(
			(a, b) => openOf(a.id) - openOf(b.id) || lastOf(a.id) - lastOf(b.id) || a.id.localeCompare(b.id)
		);
		return assign(first, 'fewest_open', { openRequests: openOf(first.id) });
	}

	const [region] = await tx<{ wsp_mailbox: string | null }[]>`
		select wsp_mailbox from regions where code = ${input.regionCode}`;
	const coordinator = team.find((m) => m.isCoordinator);
	return {
		assignedUserId: null,
		mailbox: region?.wsp_mailbox ?? null,
		coordinatorUserId: coordinator?.id ?? null,
		reason: 'nobody_available',
		detail,
		notify: [region?.wsp_mailbox, coordinator?.email].filter((x): x is string => Boolean(x))
	};
}
