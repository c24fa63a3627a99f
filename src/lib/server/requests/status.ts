import type { ProfileDocument } from '$search/document';
import type { Sql } from '../db/database';
import { EMPLOYER_STATUS_LABELS, OUTCOME_LABELS, type Outcome, type RequestStatus } from './labels';
import { lookupPublicProfile } from './profile-source';
import { hashStatusToken, STATUS_TOKEN_PATTERN } from './token';

export interface EmployerStatusView {
	createdAt: Date;
	companyName: string;
	contactName: string;
	requests: {
		publicRef: string;
		title: string;
		regionName: string;
		wspName: string;
		statusLabel: string;
		outcomeLabel: string | null;
		dueAt: Date;
		firstContactAt: Date | null;
		/** Unpublished since the request: the request is still handled. */
		stillPublished: boolean;
		replies: { at: Date; text: string }[];
	}[];
}

/** What the status link shows; null for an unknown token or one whose details were erased. */
export async function getEmployerStatus(sql: Sql, token: string): Promise<EmployerStatusView | null> {
	if (!STATUS_TOKEN_PATTERN.test(token)) return null;
	const [submission] = await sql`
		select id, created_at, company_name, contact_name from employer_submissions
		where token_hash = ${hashStatusToken(token)} and erased_at is null`;
	if (!submission) return null;
	const rows = await sql`
		select r.id, r.public_ref, r.snapshot, r.status, r.outcome, r.due_at, r.first_contact_at,
			g.name as region_name, g.wsp_name
		from interest_requests r join regions g on g.code = r.region_code
		where r.submission_id = ${submission.id} order by r.id`;
	const replies = await sql`
		select request_id, created_at, body from request_events
		where request_id = any(${rows.map((r) => r.id)}::bigint[]) and visible_to_employer and body is not null
		order by created_at`;
	const requests = await Promise.all(
		rows.map(async (r) => {
			const snapshot = r.snapshot as ProfileDocument;
			const current = await lookupPublicProfile(sql, r.public_ref);
			return {
				publicRef: r.public_ref as string,
				title: snapshot.title,
				regionName: r.region_name as string,
				wspName: r.wsp_name as string,
				statusLabel: EMPLOYER_STATUS_LABELS[r.status as RequestStatus],
				outcomeLabel: r.outcome ? OUTCOME_LABELS[r.outcome as Outcome] : null,
				dueAt: r.due_at as Date,
				firstContactAt: r.first_contact_at as Date | null,
				stillPublished: current.status === 'published',
				replies: replies
					.filter((x) => x.request_id === r.id)
					.map((x) => ({ at: x.created_at as Date, text: x.body as string }))
			};
		})
	);
	return {
		createdAt: submission.created_at,
		companyName: submission.company_name,
		contactName: submission.contact_name,
		requests
	};
}
