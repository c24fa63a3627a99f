import { recordAudit, type AuditAction, type AuditDetails } from '../audit';
import { refuse, type Outcome } from '../result';
import { ACTION_ERRORS } from './action-messages';
import type { SessionUser } from '../auth/session-user';
import type { Clock } from '../clock';
import type { Sql } from '../db/database';
import { log } from '../log';
import { nudgeMailWorker } from '../mail/worker';
import type { Queryable } from '../db/database';
import { lockRequestRow, type RequestRow } from './request-row';

/** A staff change's answer: refused with a code (for tests and logic) and its Dutch message. */
export type ChangeResult<E extends string> = Outcome<object, E | 'not_found'>;

/** A refusal of a staff action on a request, worded as the staff pages show it. */
export const refuseAction = <E extends string>(reason: E) =>
	refuse(reason, ACTION_ERRORS[reason] ?? 'Dat lukte niet.');

export interface ChangeContext {
	user: SessionUser;
	clock: Clock;
	origin: string;
}

/**
 * The frame of every staff change to a request: lock the row, apply, record an event and an audit entry
 * in the same transaction, then wake the mail worker for anything queued. Access is checked by the caller.
 */
export async function changeRequest<E extends string>(
	sql: Sql,
	requestId: number,
	ctx: ChangeContext,
	action: Extract<AuditAction, `interest-request-${string}`>,
	apply: (tx: Queryable, row: RequestRow, now: Date) => Promise<E | AuditDetails | void>
): Promise<ChangeResult<E>> {
	const result = await sql.begin(async (tx) => {
		const row = await lockRequestRow(tx, requestId);
		if (!row) return refuseAction('not_found' as const);
		const outcome = await apply(tx, row, ctx.clock.now());
		if (typeof outcome === 'string') return refuseAction(outcome);
		await recordAudit(tx, {
			userId: ctx.user.id,
			action,
			subjectType: 'interest_request',
			subjectId: String(requestId),
			details: outcome ?? {}
		});
		return { ok: true as const };
	});
	if (result.ok) {
		log.info({ requestId, action, userId: ctx.user.id }, 'interest request changed');
		nudgeMailWorker();
	}
	return result;
}

export async function addEvent(
	tx: Queryable,
	event: {
		requestId: number;
		kind: string;
		userId: string | null;
		at: Date;
		fromStatus?: string | null;
		toStatus?: string | null;
		body?: string | null;
		visibleToEmployer?: boolean;
	}
): Promise<void> {
	await tx`
		insert into request_events (request_id, kind, from_status, to_status, body, visible_to_employer, user_id, created_at)
		values (${event.requestId}, ${event.kind}, ${event.fromStatus ?? null}, ${event.toStatus ?? null},
			${event.body ?? null}, ${event.visibleToEmployer ?? false}, ${event.userId}, ${event.at})`;
}
