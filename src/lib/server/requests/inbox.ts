import { oneRegion, regionCondition, scopeOf } from '../auth/scope';
import type { SessionUser } from '../auth/session-user';
import type { Sql } from '../db/database';
import { dueState, type DueState } from './due-time';
import { isStatus, STATUS_LABELS, type RequestStatus } from './labels';

export interface InboxFilter {
	scope: 'mine' | 'team';
	/** A status, 'open' (all but afgerond) or 'all'. */
	status: RequestStatus | 'open' | 'all';
	overdue: boolean;
	/** Only requests older than this many days. */
	olderThanDays: number | null;
	/** Admins: one region, or null for all. WSP members always get their own region. */
	region: string | null;
}

export function parseInboxFilter(
	params: URLSearchParams,
	defaultScope: InboxFilter['scope'] = 'mine'
): InboxFilter {
	const status = params.get('status') ?? 'open';
	const days = Number(params.get('ouder'));
	const region = params.get('regio');
	return {
		scope:
			params.get('weergave') === 'team' ? 'team' : params.get('weergave') === 'mijn' ? 'mine' : defaultScope,
		status: isStatus(status) || status === 'all' ? status : 'open',
		overdue: params.get('te-laat') === 'ja',
		olderThanDays: [1, 2, 7, 30].includes(days) ? days : null,
		region: region && /^AM\d{2}$/.test(region) ? region : null
	};
}

/** One case: an employer's request about one or more candidates of one region. */
export interface InboxRow {
	caseId: number;
	/** The first candidate line: the page the row links to. */
	id: number;
	createdAt: Date;
	companyName: string | null;
	lines: { id: number; publicRef: string; title: string; status: RequestStatus; statusLabel: string }[];
	regionCode: string;
	assignedName: string | null;
	/** The employer's fixed contact in this region, when it is someone else than the adviser. */
	fixedContactName: string | null;
	dueAt: Date;
	due: DueState;
}

export interface InboxCounters {
	nieuw: number;
	soon: number;
	late: number;
}

/**
 * The inbox of a WSP member (their region) or an admin (any region, or one): one row per case. Access is
 * decided here, by role, with an explicit region scope.
 */
export async function listInbox(
	sql: Sql,
	user: SessionUser,
	filter: InboxFilter,
	now: Date,
	soonHours: number
): Promise<{ rows: InboxRow[]; counters: InboxCounters }> {
	// An admin may narrow the inbox to one region; anyone else sees their own scope, whatever they ask.
	const regions = user.role === 'admin' && filter.region ? oneRegion(filter.region) : scopeOf(user);
	if (regions.kind === 'none') return { rows: [], counters: { nieuw: 0, soon: 0, late: 0 } };
	const scope = sql`${regionCondition(sql, regions, 'c.region_code')}
		and (${filter.scope === 'mine'}::boolean = false or c.assigned_user_id = ${user.id})`;
	const open = sql`exists (select 1 from interest_requests o where o.case_id = c.id and o.status <> 'afgerond')`;
	const soonAt = new Date(now.getTime() + soonHours * 3_600_000);
	const [counts] = await sql<InboxCounters[]>`
		select count(*) filter (where not exists (
				select 1 from interest_requests o where o.case_id = c.id and o.status <> 'nieuw'))::int as nieuw,
			count(*) filter (where c.due_at > ${now} and c.due_at <= ${soonAt})::int as soon,
			count(*) filter (where c.due_at <= ${now})::int as late
		from request_cases c
		where ${scope} and ${open} and c.first_contact_at is null`;
	const olderThan = filter.olderThanDays ? new Date(now.getTime() - filter.olderThanDays * 86_400_000) : null;
	const cases = await sql<
		{
			id: number;
			created_at: Date;
			company_name: string | null;
			region_code: string;
			due_at: Date;
			first_contact_at: Date | null;
			assigned_name: string | null;
			account_manager_id: string | null;
			assigned_user_id: string | null;
			fixed_name: string | null;
			is_open: boolean;
		}[]
	>`
		select c.id::int, c.created_at, s.company_name, c.region_code, c.due_at, c.first_contact_at,
			u.name as assigned_name, e.account_manager_id, c.assigned_user_id, m.name as fixed_name, ${open} as is_open
		from request_cases c
		join employer_submissions s on s.id = c.submission_id
		left join employers e on e.id = c.employer_id
		left join users u on u.id = c.assigned_user_id
		left join users m on m.id = e.account_manager_id
		where ${scope}
			and (${filter.status} = 'all' or (${filter.status} = 'open' and ${open})
				or exists (select 1 from interest_requests f where f.case_id = c.id and f.status = ${filter.status}))
			and (${filter.overdue}::boolean = false or (c.due_at <= ${now} and c.first_contact_at is null and ${open}))
			and (${olderThan}::timestamptz is null or c.created_at <= ${olderThan})
		order by (not ${open}), c.due_at, c.id
		limit 500`;
	const lines = await sql<
		// The snapshot of a request always holds the profile's title.
		{ id: number; case_id: number; public_ref: string; title: string; status: RequestStatus }[]
	>`
		select id::int, case_id::int, public_ref, snapshot->>'title' as title, status
		from interest_requests where case_id = any(${cases.map((c) => c.id)}::bigint[]) order by id`;
	return {
		counters: counts,
		rows: cases.map((c) => ({
			caseId: c.id,
			id: lines.find((l) => l.case_id === c.id)?.id ?? 0,
			createdAt: c.created_at,
			companyName: c.company_name,
			lines: lines
				.filter((l) => l.case_id === c.id)
				.map((l) => ({
					id: l.id,
					publicRef: l.public_ref,
					title: l.title,
					status: l.status,
					statusLabel: STATUS_LABELS[l.status]
				})),
			regionCode: c.region_code,
			assignedName: c.assigned_name,
			fixedContactName:
				c.account_manager_id && c.account_manager_id !== c.assigned_user_id ? c.fixed_name : null,
			dueAt: c.due_at,
			due: c.is_open ? dueState({ dueAt: c.due_at, doneAt: c.first_contact_at }, now, soonHours) : 'done'
		}))
	};
}

/** For the admins' region filter. */
export async function listRegionOptions(sql: Sql): Promise<{ code: string; name: string }[]> {
	return sql<{ code: string; name: string }[]>`select code, name from regions order by name`;
}
