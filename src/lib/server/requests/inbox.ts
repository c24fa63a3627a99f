import type { ProfileDocument } from '$search/document';
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

export interface InboxRow {
	id: number;
	createdAt: Date;
	companyName: string | null;
	title: string;
	regionCode: string;
	status: RequestStatus;
	statusLabel: string;
	assignedName: string | null;
	dueAt: Date;
	due: DueState;
}

export interface InboxCounters {
	nieuw: number;
	soon: number;
	late: number;
}

/** The inbox of a WSP member (their region) or an admin (any region); access is decided here, by role. */
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
	const scope = sql`${regionCondition(sql, regions, 'r.region_code')}
		and (${filter.scope === 'mine'}::boolean = false or r.assigned_user_id = ${user.id})`;
	const soonAt = new Date(now.getTime() + soonHours * 3_600_000);
	const [counts] = await sql<InboxCounters[]>`
		select count(*) filter (where r.status = 'nieuw')::int as nieuw,
			count(*) filter (where r.due_at > ${now} and r.due_at <= ${soonAt})::int as soon,
			count(*) filter (where r.due_at <= ${now})::int as late
		from interest_requests r
		where ${scope} and r.status <> 'afgerond' and r.first_contact_at is null`;
	const olderThan = filter.olderThanDays ? new Date(now.getTime() - filter.olderThanDays * 86_400_000) : null;
	const rows = await sql`
		select r.id::int, r.created_at, s.company_name, r.snapshot, r.region_code, r.status, r.due_at,
			r.first_contact_at, u.name as assigned_name
		from interest_requests r
		join employer_submissions s on s.id = r.submission_id
		left join users u on u.id = r.assigned_user_id
		where ${scope}
			and (${filter.status} = 'all' or (${filter.status} = 'open' and r.status <> 'afgerond')
				or r.status = ${filter.status})
			and (${filter.overdue}::boolean = false
				or (r.due_at <= ${now} and r.first_contact_at is null and r.status <> 'afgerond'))
			and (${olderThan}::timestamptz is null or r.created_at <= ${olderThan})
		order by (r.status = 'afgerond'), r.due_at, r.id
		limit 500`;
	return {
		counters: counts,
		rows: rows.map((r) => ({
			id: r.id,
			createdAt: r.created_at,
			companyName: r.company_name,
			title: (r.snapshot as ProfileDocument).title,
			regionCode: r.region_code,
			status: r.status,
			statusLabel: STATUS_LABELS[r.status as RequestStatus],
			assignedName: r.assigned_name,
			dueAt: r.due_at,
			due: dueState({ dueAt: r.due_at, firstContactAt: r.first_contact_at, status: r.status }, now, soonHours)
		}))
	};
}

/** For the admins' region filter. */
export async function listRegionOptions(sql: Sql): Promise<{ code: string; name: string }[]> {
	return sql<{ code: string; name: string }[]>`select code, name from regions order by name`;
}
