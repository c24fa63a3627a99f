import { listRegionTeam } from '../auth/user';
import type { Sql } from '../db/database';
import { enqueueMail } from '../mail/outbox';
import { addEvent, changeRequest, type ChangeContext } from './change';
import { requestLink } from './links';
import { staffNotification } from './messages';

/**
 * Hands the whole case (all its candidate lines) to a colleague of the same region's team: the employer
 * keeps one face. Stored as a routing decision with reason 'reassigned', so the case shows who moved it
 * and when; the colleague is notified by mail. The employer's fixed contact is changed separately.
 */
export function reassignRequest(sql: Sql, requestId: number, ctx: ChangeContext, toUserId: string) {
	return changeRequest<'not_in_team' | 'same' | 'closed'>(
		sql,
		requestId,
		ctx,
		'interest-request-reassigned',
		async (tx, row, now) => {
			if (row.status === 'afgerond') return 'closed';
			if (row.assignedUserId === toUserId) return 'same';
			const team = await listRegionTeam(tx, row.regionCode);
			const colleague = team.find((m) => m.id === toUserId);
			if (!colleague) return 'not_in_team';
			await tx`
			update request_cases set assigned_user_id = ${toUserId}, assigned_mailbox = null, updated_at = ${now}
			where id = ${row.caseId}`;
			await tx`
			insert into request_routings (case_id, request_id, assigned_user_id, reason, detail, decided_by, decided_at)
			values (${row.caseId}, ${row.id}, ${toUserId}, 'reassigned', ${tx.json({ from: row.assignedUserId })},
				${ctx.user.id}, ${now})`;
			await addEvent(tx, { requestId: row.id, kind: 'reassigned', userId: ctx.user.id, at: now });
			const [lines] = await tx<{ n: number }[]>`
				select count(*)::int as n from interest_requests where case_id = ${row.caseId}`;
			await enqueueMail(tx, {
				to: colleague.email,
				kind: 'interest.staff_notification',
				related: { type: 'interest_request', id: String(row.id) },
				...staffNotification({
					requestUrl: requestLink(ctx.origin, row.id),
					dueAt: row.dueAt,
					candidates: lines.n
				})
			});
			return { from: row.assignedUserId, to: toUserId };
		}
	);
}
