import type { Queryable } from '../db/database';
import type { Outcome, RequestStatus } from './labels';

/**
 * The columns every staff action on a candidate line needs: region (access), the line's state, and its
 * case's adviser, due time and first contact (one per case).
 */
export interface RequestRow {
	id: number;
	caseId: number;
	submissionId: number;
	publicRef: string;
	title: string;
	regionCode: string;
	status: RequestStatus;
	outcome: Outcome | null;
	assignedUserId: string | null;
	dueAt: Date;
	firstContactAt: Date | null;
	escalatedAt: Date | null;
	candidateConsentAt: Date | null;
	employerEmail: string | null;
	contactName: string | null;
	wspName: string;
}

const columns = (q: Queryable) => q`
	r.id::int as id, r.case_id::int as "caseId", r.submission_id::int as "submissionId",
	r.public_ref as "publicRef", r.snapshot->>'title' as title, r.region_code as "regionCode", r.status,
	r.outcome, c.assigned_user_id as "assignedUserId", c.due_at as "dueAt",
	c.first_contact_at as "firstContactAt", c.escalated_at as "escalatedAt",
	r.candidate_consent_at as "candidateConsentAt", s.email as "employerEmail",
	s.contact_name as "contactName", g.wsp_name as "wspName"`;

/** For the access check before anything else is read. */
export async function getRequestRow(q: Queryable, id: number): Promise<RequestRow | null> {
	if (!Number.isSafeInteger(id) || id <= 0) return null;
	const [row] = await q<RequestRow[]>`
		select ${columns(q)} from interest_requests r join request_cases c on c.id = r.case_id
		join employer_submissions s on s.id = r.submission_id join regions g on g.code = r.region_code
		where r.id = ${id}`;
	return row ?? null;
}

/** Inside a change: the row locked, so two advisers clicking at once apply one after the other. */
export async function lockRequestRow(tx: Queryable, id: number): Promise<RequestRow | null> {
	const [row] = await tx<RequestRow[]>`
		select ${columns(tx)} from interest_requests r join request_cases c on c.id = r.case_id
		join employer_submissions s on s.id = r.submission_id join regions g on g.code = r.region_code
		where r.id = ${id} for update of r, c`;
	return row ?? null;
}

/** The id from a route parameter, or null when it is not one. */
export function parseRequestId(param: string | undefined): number | null {
	if (!param || !/^\d{1,15}$/.test(param)) return null;
	return Number(param);
}
