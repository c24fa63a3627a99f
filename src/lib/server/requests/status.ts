import type { ProfileDocument } from '$search/document';
import type { Sql } from '../db/database';
import { EMPLOYER_STATUS_LABELS, OUTCOME_LABELS, type Outcome, type RequestStatus } from './labels';
import { lookupPublicProfile } from './profile-source';
import { describeStep, type StepRow } from './steps';
import { hashToken, LINK_TOKEN_PATTERN } from '../auth/random';

export interface EmployerCaseView {
	regionCode: string;
	regionName: string;
	wspName: string;
	wspPhone: string | null;
	wspMailbox: string | null;
	/** The responsible adviser once someone is assigned: name, direct phone and e-mail. */
	adviser: { name: string; phone: string | null; email: string } | null;
	dueAt: Date;
	firstContactAt: Date | null;
	/** The due time passed without contact: the page says so, with an apology. */
	overdue: boolean;
	lines: {
		publicRef: string;
		title: string;
		statusLabel: string;
		outcomeLabel: string | null;
		/** Unpublished since the request: the request is still handled. */
		stillPublished: boolean;
		replies: { at: Date; text: string }[];
	}[];
	steps: { at: Date; label: string; facts: string[] }[];
}

export interface EmployerStatusView {
	createdAt: Date;
	companyName: string;
	contactName: string;
	cases: EmployerCaseView[];
}

/**
 * What a status link shows: every case of the submission (one per region) on one page. Null for an
 * unknown token or one whose details were erased. Any link the employer got by mail works.
 */
export async function getEmployerStatus(
	sql: Sql,
	token: string,
	now: Date
): Promise<EmployerStatusView | null> {
	if (!LINK_TOKEN_PATTERN.test(token)) return null;
	const hash = hashToken(token);
	const [submission] = await sql<
		{ id: string; created_at: Date; company_name: string; contact_name: string }[]
	>`
		select id, created_at, company_name, contact_name from employer_submissions s
		where s.erased_at is null and (s.token_hash = ${hash}
			or exists (select 1 from submission_links l where l.token_hash = ${hash} and l.submission_id = s.id))`;
	if (!submission) return null;
	const cases = await sql<
		{
			id: number;
			region_code: string;
			due_at: Date;
			first_contact_at: Date | null;
			region_name: string;
			wsp_name: string;
			wsp_phone: string | null;
			wsp_mailbox: string | null;
			adviser_name: string | null;
			adviser_email: string | null;
			adviser_phone: string | null;
		}[]
	>`
		select c.id::int as id, c.region_code, c.due_at, c.first_contact_at, g.name as region_name, g.wsp_name,
			g.wsp_phone, g.wsp_mailbox, u.name as adviser_name, u.email as adviser_email, u.phone as adviser_phone
		from request_cases c join regions g on g.code = c.region_code
		left join users u on u.id = c.assigned_user_id
		where c.submission_id = ${submission.id} order by c.id`;
	// bigint ids arrive as strings (postgres.js does not round them to numbers).
	const rows = await sql<
		{
			id: string;
			case_id: number;
			public_ref: string;
			snapshot: ProfileDocument;
			status: RequestStatus;
			outcome: Outcome | null;
		}[]
	>`
		select r.id, r.case_id::int as case_id, r.public_ref, r.snapshot, r.status, r.outcome
		from interest_requests r where r.submission_id = ${submission.id} order by r.id`;
	const replies = await sql<{ request_id: string; created_at: Date; body: string }[]>`
		select request_id, created_at, body from request_events
		where request_id = any(${rows.map((r) => r.id)}::bigint[]) and visible_to_employer and body is not null
		order by created_at`;
	const steps = await sql<(StepRow & { caseId: number })[]>`
		select s.case_id::int as "caseId", s.kind, s.meeting_on::text as "meetingOn", s.place,
			s.starts_on::text as "startsOn", s.ends_on::text as "endsOn", s.contract_type as "contractType",
			null as reason, s.created_at as "createdAt", r.public_ref as "publicRef"
		from case_steps s left join interest_requests r on r.id = s.request_id
		where s.case_id = any(${cases.map((c) => c.id)}::bigint[]) order by s.created_at, s.id`;
	const lines = await Promise.all(
		rows.map(async (r) => {
			const snapshot = r.snapshot;
			const current = await lookupPublicProfile(sql, r.public_ref);
			return {
				caseId: r.case_id,
				publicRef: r.public_ref,
				title: snapshot.title,
				statusLabel: EMPLOYER_STATUS_LABELS[r.status],
				outcomeLabel: r.outcome ? OUTCOME_LABELS[r.outcome] : null,
				stillPublished: current.status === 'published',
				replies: replies.filter((x) => x.request_id === r.id).map((x) => ({ at: x.created_at, text: x.body }))
			};
		})
	);
	return {
		createdAt: submission.created_at,
		companyName: submission.company_name,
		contactName: submission.contact_name,
		cases: cases.map((c) => ({
			regionCode: c.region_code,
			regionName: c.region_name,
			wspName: c.wsp_name,
			wspPhone: c.wsp_phone,
			wspMailbox: c.wsp_mailbox,
			adviser: c.adviser_email
				? { name: c.adviser_name || c.adviser_email, phone: c.adviser_phone, email: c.adviser_email }
				: null,
			dueAt: c.due_at,
			firstContactAt: c.first_contact_at,
			overdue: !c.first_contact_at && c.due_at.getTime() <= now.getTime(),
			lines: lines.filter((l) => l.caseId === c.id).map(({ caseId: _, ...l }) => l),
			steps: steps.filter((s) => s.caseId === c.id).map((s) => ({ at: s.createdAt, ...describeStep(s) }))
		}))
	};
}
