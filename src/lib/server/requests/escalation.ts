import { listRegionTeam } from '../auth/user';
import type { Clock } from '../clock';
import type { Sql } from '../db/database';
import { log } from '../log';
import { enqueueMail } from '../mail/outbox';
import { nudgeMailWorker } from '../mail/worker';
import { addEvent } from './change';
import { requestLink } from './links';
import { escalation } from './messages';
import { isAbsent } from './routing';

/**
 * Tells the region's coordinator, ONCE per request, that first contact with the employer is overdue.
 * Each request is claimed by setting escalated_at in its own transaction with the mail, so instances
 * running this together never both send, and a crash between requests loses nothing.
 */
export async function escalateOverdue(sql: Sql, clock: Clock, origin: string): Promise<number> {
	const now = clock.now();
	const due = await sql<{ id: number }[]>`
		select id::int from interest_requests
		where first_contact_at is null and escalated_at is null and status <> 'afgerond' and due_at <= ${now}
		order by due_at limit 200`;
	let sent = 0;
	for (const { id } of due) {
		const done = await sql.begin(async (tx) => {
			const [row] = await tx<{ region_code: string; due_at: Date; wsp_mailbox: string | null }[]>`
				update interest_requests r set escalated_at = ${now}
				from regions g
				where r.id = ${id} and g.code = r.region_code and r.escalated_at is null and r.first_contact_at is null
					and r.status <> 'afgerond'
				returning r.region_code, r.due_at, g.wsp_mailbox`;
			if (!row) return false;
			const team = await listRegionTeam(tx, row.region_code);
			const coordinators = team.filter((m) => m.isCoordinator);
			const present = coordinators.filter((m) => !isAbsent(m, now));
			const backups = coordinators
				.map((c) => team.find((m) => m.id === c.backupUserId))
				.filter((m) => m && !isAbsent(m, now));
			const chosen = present.length ? present : backups.length ? backups : [];
			const to = chosen.length ? chosen.map((m) => m!.email) : [row.wsp_mailbox].filter((x) => x !== null);
			for (const address of new Set(to)) {
				await enqueueMail(tx, {
					to: address,
					kind: 'interest.escalation',
					dedupeKey: `interest:${id}:escalation:${address.toLowerCase()}`,
					related: { type: 'interest_request', id: String(id) },
					...escalation({ requestUrl: requestLink(origin, id), dueAt: row.due_at })
				});
			}
			await addEvent(tx, { requestId: id, kind: 'escalated', userId: null, at: now });
			if (to.length === 0)
				log.warn({ requestId: id, region: row.region_code }, 'overdue request has no coordinator or mailbox');
			return true;
		});
		if (done) sent++;
	}
	if (sent) {
		log.info({ escalated: sent }, 'overdue interest requests escalated');
		nudgeMailWorker();
	}
	return sent;
}
