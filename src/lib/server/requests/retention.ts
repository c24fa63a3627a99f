import type { Clock } from '../clock';
import type { Sql } from '../db/database';
import { log } from '../log';
import { getRequestSettings } from './settings';

/**
 * AVG: erases the employer's contact details, free texts and status token of submissions whose requests
 * have all been closed for longer than the retention period. What stays is anonymous: profile snapshot,
 * region, dates, statuses, outcome, kind of work, step kinds and dates. Sent mail of these requests
 * leaves the outbox too, and so do the extra status links.
 */
export async function eraseExpiredSubmissions(sql: Sql, clock: Clock): Promise<number> {
	const { retentionMonths } = await getRequestSettings(sql);
	const now = clock.now();
	const erased = await sql.begin(async (tx) => {
		const rows = await tx<{ id: number }[]>`
			update employer_submissions s set token_hash = null, company_name = null, kvk_number = null,
				contact_name = null, email = null, phone = null, message = null, erased_at = ${now}
			where s.erased_at is null
				and not exists (
					select 1 from interest_requests r where r.submission_id = s.id
					and (r.status <> 'afgerond'
						or r.closed_at > ${now}::timestamptz - make_interval(months => ${retentionMonths}::int)))
				and exists (select 1 from interest_requests r where r.submission_id = s.id)
			returning s.id::int`;
		if (rows.length === 0) return 0;
		const ids = rows.map((r) => r.id);
		const requestIds = (
			await tx<{ id: string }[]>`
				select id::text from interest_requests where submission_id = any(${ids}::bigint[])`
		).map((r) => r.id);
		await tx`
			update request_events set body = null
			where request_id = any(${requestIds}::bigint[]) and body is not null`;
		const caseIds = (
			await tx<{ id: string }[]>`
				select id::text from request_cases where submission_id = any(${ids}::bigint[])`
		).map((r) => r.id);
		await tx`delete from submission_links where submission_id = any(${ids}::bigint[])`;
		// An employer (KvK number and fixed contact) is forgotten with its last request that still has details.
		const forgotten = await tx<{ id: string }[]>`
			select e.id::text from employers e
			where exists (select 1 from request_cases c where c.employer_id = e.id and c.submission_id = any(${ids}::bigint[]))
				and not exists (
					select 1 from request_cases c join employer_submissions s on s.id = c.submission_id
					where c.employer_id = e.id and s.erased_at is null)`;
		const employerIds = forgotten.map((e) => e.id);
		await tx`update request_cases set employer_id = null where employer_id = any(${employerIds}::bigint[])`;
		await tx`delete from employers where id = any(${employerIds}::bigint[])`;
		await tx`
			update case_steps set agreements = null, place = null, reason = null
			where case_id = any(${caseIds}::bigint[])`;
		await tx`
			delete from mail_outbox where status in ('sent', 'failed') and (
				(related_type = 'employer_submission' and related_id = any(${ids.map(String)}::text[]))
				or (related_type = 'interest_request' and related_id = any(${requestIds}::text[]))
				or (related_type = 'request_case' and related_id = any(${caseIds}::text[])))`;
		return rows.length;
	});
	if (erased) log.info({ submissions: erased }, 'employer details erased after retention');
	return erased;
}
