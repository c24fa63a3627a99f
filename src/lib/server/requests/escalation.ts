import { listRegionTeam } from '../auth/user';
import type { Clock } from '../clock';
import type { Sql } from '../db/database';
import { log } from '../log';
import { enqueueMail } from '../mail/outbox';
import { nudgeMailWorker } from '../mail/worker';
import { getCaseContact, mailEmployer } from './case-contact';
import { addEvent } from './change';
import { requestLink } from './links';
import { employerOverdue, escalation } from './messages';
import { isAbsent } from './routing';

/**
 * When a case's due time passes without contact: tells the region's coordinator (ONCE per case), and
 * tells the employer, with an apology and the WSP's phone number. Each case is claimed by setting
 * escalated_at in its own transaction with the mails, so instances running this together never both
 * send, and a crash between cases loses nothing.
 */
export async function escalateOverdue(sql: Sql, clock: Clock, origin: string): Promise<number> {
	const now = clock.now();
	const due = await sql<{ id: number }[]>`
		select c.id::int from request_cases c
		where c.first_contact_at is null and c.escalated_at is null and c.due_at <= ${now}
			and exists (select 1 from interest_requests r where r.case_id = c.id and r.status <> 'afgerond')
		order by c.due_at limit 200`;
	let sent = 0;
	for (const { id } of due) {
		const done = await sql.begin(async (tx) => {
			const [row] = await tx<{ region_code: string; due_at: Date; wsp_mailbox: string | null }[]>`
				update request_cases c set escalated_at = ${now}, overdue_notified_at = ${now}
				from regions g
				where c.id = ${id} and g.code = c.region_code and c.escalated_at is null and c.first_contact_at is null
				returning c.region_code, c.due_at, g.wsp_mailbox`;
			if (!row) return false;
			const contact = (await getCaseContact(tx, id))!;
			const firstLine = contact.lines[0].requestId;
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
					dedupeKey: `case:${id}:escalation:${address.toLowerCase()}`,
					related: { type: 'request_case', id: String(id) },
					...escalation({ requestUrl: requestLink(origin, firstLine), dueAt: row.due_at })
				});
			}
			await mailEmployer(tx, contact, {
				kind: 'interest.employer_overdue',
				dedupeKey: `case:${id}:overdue`,
				origin,
				now,
				build: (statusUrl) =>
					employerOverdue({
						contactName: contact.contactName ?? '',
						dueAt: row.due_at,
						lines: contact.lines,
						statusUrl,
						contact
					})
			});
			for (const line of contact.lines) {
				await addEvent(tx, { requestId: line.requestId, kind: 'escalated', userId: null, at: now });
			}
			if (to.length === 0)
				log.warn({ caseId: id, region: row.region_code }, 'overdue case has no coordinator or mailbox');
			return true;
		});
		if (done) sent++;
	}
	if (sent) {
		log.info({ escalated: sent }, 'overdue cases escalated');
		nudgeMailWorker();
	}
	return sent;
}
