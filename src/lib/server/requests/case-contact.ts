import { enqueueMail } from '../mail/outbox';
import { statusLink } from './links';
import type { CandidateLine, EmployerContact, MailText } from './messages';
import type { Queryable } from '../db/database';
import { hashToken, newLinkToken } from '../auth/random';

/** What every mail to the employer about one case needs: the address, the adviser, the WSP, the lines. */
export interface CaseContact extends EmployerContact {
	caseId: number;
	submissionId: number;
	regionCode: string;
	employerEmail: string | null;
	contactName: string | null;
	lines: (CandidateLine & { requestId: number })[];
}

export async function getCaseContact(q: Queryable, caseId: number): Promise<CaseContact | null> {
	const [c] = await q<
		{
			case_id: number;
			submission_id: number;
			region_code: string;
			email: string | null;
			contact_name: string | null;
			adviser_name: string | null;
			adviser_email: string | null;
			adviser_phone: string | null;
			wsp_name: string;
			wsp_mailbox: string | null;
			wsp_phone: string | null;
		}[]
	>`
		select c.id::int as case_id, c.submission_id::int as submission_id, c.region_code, s.email, s.contact_name,
			u.name as adviser_name, u.email as adviser_email, u.phone as adviser_phone,
			g.wsp_name, g.wsp_mailbox, g.wsp_phone
		from request_cases c
		join employer_submissions s on s.id = c.submission_id
		join regions g on g.code = c.region_code
		left join users u on u.id = c.assigned_user_id
		where c.id = ${caseId}`;
	if (!c) return null;
	const lines = await q<{ requestId: number; publicRef: string; title: string }[]>`
		select id::int as "requestId", public_ref as "publicRef", snapshot->>'title' as title
		from interest_requests where case_id = ${caseId} order by id`;
	return {
		caseId: c.case_id,
		submissionId: c.submission_id,
		regionCode: c.region_code,
		employerEmail: c.email,
		contactName: c.contact_name,
		adviser: c.adviser_email
			? { name: c.adviser_name || c.adviser_email, email: c.adviser_email, phone: c.adviser_phone }
			: null,
		wsp: { name: c.wsp_name, mailbox: c.wsp_mailbox, phone: c.wsp_phone },
		lines
	};
}

/** Answers go to the responsible adviser, or to the region's WSP mailbox until someone is assigned. */
export const replyToOf = (contact: EmployerContact): string | null =>
	contact.adviser?.email ?? contact.wsp.mailbox ?? null;

/**
 * A fresh private link to the employer's status page. Only its hash is stored (as for the first link),
 * so every later mail can link straight to the page without the first token ever being kept.
 */
export async function newStatusLink(q: Queryable, submissionId: number, origin: string, now: Date) {
	const token = newLinkToken();
	await q`
		insert into submission_links (token_hash, submission_id, created_at)
		values (${hashToken(token)}, ${submissionId}, ${now})`;
	return statusLink(origin, token);
}

/** Queues one mail to the employer of a case, answerable and with its own status link. */
export async function mailEmployer(
	tx: Queryable,
	contact: CaseContact,
	input: {
		kind: string;
		dedupeKey: string;
		origin: string;
		now: Date;
		build: (statusUrl: string) => MailText;
	}
): Promise<void> {
	// Erased by retention: there is nobody to write to any more.
	if (!contact.employerEmail) return;
	const statusUrl = await newStatusLink(tx, contact.submissionId, input.origin, input.now);
	await enqueueMail(tx, {
		to: contact.employerEmail,
		kind: input.kind,
		dedupeKey: input.dedupeKey,
		replyTo: replyToOf(contact),
		related: { type: 'request_case', id: String(contact.caseId) },
		...input.build(statusUrl)
	});
}
