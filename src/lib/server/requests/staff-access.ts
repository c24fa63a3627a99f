import { error } from '@sveltejs/kit';
import { recordAudit } from '../audit';
import { requireRegionAccess, requireUser } from '../auth/guard';
import type { SessionUser } from '../auth/session-user';
import type { Sql } from '../db/database';
import { getRequestRow, parseRequestId, type RequestRow } from './request-row';

type StaffEvent = { locals: App.Locals; url: URL; params: Partial<Record<string, string>> };

/**
 * The gate of every request page and action: a signed-in WSP member of the request's region, or an
 * admin. Anything else is a redirect to log in or a 403; an unknown id is a 404.
 */
export async function requireRequestAccess(
	event: StaffEvent,
	sql: Sql
): Promise<{ user: SessionUser; row: RequestRow }> {
	const user = requireUser(event, 'wsp', 'admin');
	const id = parseRequestId(event.params.id);
	const row = id === null ? null : await getRequestRow(sql, id);
	if (!row) error(404, 'Deze aanvraag bestaat niet.');
	requireRegionAccess(user, row.regionCode);
	return { user, row };
}

/** Who looked at which request, and when (the detail page shows employer details and a klantnummer). */
export async function recordRequestView(sql: Sql, user: SessionUser, requestId: number): Promise<void> {
	await recordAudit(sql, {
		userId: user.id,
		action: 'interest-request-viewed',
		subjectType: 'interest_request',
		subjectId: String(requestId)
	});
}
