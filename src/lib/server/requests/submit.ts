import type { ProfileDocument } from '$search/document';
import type { Clock } from '../clock';
import type { Sql } from '../db/database';
import { log } from '../log';
import { enqueueMail } from '../mail/outbox';
import { nudgeMailWorker } from '../mail/worker';
import { listRegionTeam } from '../auth/user';
import { getCaseContact, replyToOf } from './case-contact';
import { computeDueAt } from './due-time';
import { adoptFirstRouting, findOrCreateEmployer } from './employers';
import { instrumentsLink, requestLink, statusLink } from './links';
import {
	consultantNotice,
	employerConfirmation,
	sharedMailboxNotification,
	staffNotification
} from './messages';
import { lookupCandidateForStaff, lookupPublicProfile } from './profile-source';
import type { Queryable } from '../db/database';
import { routeRequest } from './routing';
import { getRequestSettings } from './settings';
import { hashToken, newLinkToken } from '../auth/random';

export interface EmployerDetails {
	companyName: string;
	kvkNumber: string;
	workMunicipalityCode: string;
	contactName: string;
	email: string;
	phone: string;
	jobTitle: string;
	hoursPerWeek: number;
	startDate: string | null;
	message: string;
}

export type SubmitResult =
	| {
			ok: true;
			token: string;
			submissionId: number;
			dueAt: Date;
			caseIds: number[];
			requestIds: number[];
	  }
	| { ok: false; unavailable: string[] };

class Unavailable extends Error {
	constructor(readonly refs: string[]) {
		super('profiles no longer published');
	}
}

/**
 * Records an employer's interest in one or more published profiles, ALL in one transaction: one case per
 * region (routed once, to the employer's fixed contact where it has one) with the candidates as its lines,
 * and every mail queued. The employer sees the confirmation only when all of it is committed.
 */
export async function submitInterest(
	sql: Sql,
	input: { employer: EmployerDetails; refs: string[]; origin: string; clock: Clock }
): Promise<SubmitResult> {
	const token = newLinkToken();
	try {
		const result = await sql.begin(async (tx) => {
			const now = input.clock.now();
			const documents = await publishedDocuments(tx, input.refs);
			const e = input.employer;
			const [submission] = await tx<{ id: number }[]>`
				insert into employer_submissions (token_hash, company_name, kvk_number, contact_name, email,
					phone, work_municipality_code, job_title, hours_per_week, start_date, message, consent_at,
					created_at)
				values (${hashToken(token)}, ${e.companyName}, ${e.kvkNumber}, ${e.contactName}, ${e.email},
					${e.phone}, ${e.workMunicipalityCode}, ${e.jobTitle}, ${e.hoursPerWeek}, ${e.startDate},
					${e.message}, ${now}, ${now})
				returning id::int`;
			const byRegion = new Map<string, ProfileDocument[]>();
			for (const d of documents) byRegion.set(d.region, [...(byRegion.get(d.region) ?? []), d]);
			const caseIds: number[] = [];
			const requestIds: number[] = [];
			let dueAt = now;
			for (const [regionCode, group] of byRegion) {
				const created = await createCase(tx, {
					submissionId: submission.id,
					regionCode,
					group,
					employer: e,
					now,
					origin: input.origin,
					token
				});
				caseIds.push(created.caseId);
				requestIds.push(...created.requestIds);
				if (created.dueAt > dueAt) dueAt = created.dueAt;
			}
			return { submissionId: submission.id, dueAt, caseIds, requestIds };
		});
		log.info(
			{ submissionId: result.submissionId, cases: result.caseIds.length, requests: result.requestIds.length },
			'interest request submitted'
		);
		nudgeMailWorker();
		return { ok: true, token, ...result };
	} catch (error) {
		if (error instanceof Unavailable) return { ok: false, unavailable: error.refs };
		throw error;
	}
}

async function publishedDocuments(tx: Queryable, refs: string[]): Promise<ProfileDocument[]> {
	const found = await Promise.all(refs.map((ref) => lookupPublicProfile(tx, ref)));
	const unavailable = refs.filter((_, i) => found[i].status !== 'published');
	if (unavailable.length || refs.length === 0) throw new Unavailable(unavailable);
	return found.map((f) => (f as { document: ProfileDocument }).document);
}

/** One region's part of a submission: employer, routing, case, lines, and the mails about them. */
async function createCase(
	tx: Queryable,
	input: {
		submissionId: number;
		regionCode: string;
		group: ProfileDocument[];
		employer: EmployerDetails;
		now: Date;
		origin: string;
		token: string;
	}
): Promise<{ caseId: number; requestIds: number[]; dueAt: Date }> {
	const { now, regionCode } = input;
	const dueAt = computeDueAt(now, await getRequestSettings(tx, regionCode));
	const employer = await findOrCreateEmployer(tx, regionCode, input.employer.kvkNumber, now);
	const candidates = await Promise.all(input.group.map((d) => lookupCandidateForStaff(tx, d.id)));
	const decision = await routeRequest(tx, {
		regionCode,
		consultantEmail: candidates.find((c) => c?.klantmanagerEmail)?.klantmanagerEmail ?? null,
		fixedContactId: employer.accountManagerId,
		now
	});
	if (decision.assignedUserId) await adoptFirstRouting(tx, employer.id, decision.assignedUserId, now);
	const [created] = await tx<{ id: number }[]>`
		insert into request_cases (submission_id, employer_id, region_code, assigned_user_id, assigned_mailbox,
			due_at, created_at, updated_at)
		values (${input.submissionId}, ${employer.id}, ${regionCode}, ${decision.assignedUserId},
			${decision.mailbox}, ${dueAt}, ${now}, ${now})
		returning id::int`;
	const caseId = created.id;
	const requestIds: number[] = [];
	for (const document of input.group) {
		const [request] = await tx<{ id: number }[]>`
			insert into interest_requests (submission_id, case_id, public_ref, region_code, snapshot, created_at,
				updated_at)
			values (${input.submissionId}, ${caseId}, ${document.id}, ${regionCode},
				${tx.json(JSON.parse(JSON.stringify(document)))}, ${now}, ${now})
			returning id::int`;
		await tx`
			insert into request_events (request_id, kind, to_status, created_at)
			values (${request.id}, 'created', 'nieuw', ${now})`;
		requestIds.push(request.id);
	}
	await tx`
		insert into request_routings (case_id, assigned_user_id, mailbox, coordinator_user_id, reason, detail, decided_at)
		values (${caseId}, ${decision.assignedUserId}, ${decision.mailbox}, ${decision.coordinatorUserId},
			${decision.reason}, ${tx.json(decision.detail)}, ${now})`;

	const url = requestLink(input.origin, requestIds[0]);
	const text = decision.assignedUserId
		? staffNotification({ requestUrl: url, dueAt, candidates: requestIds.length })
		: sharedMailboxNotification({ requestUrl: url, dueAt });
	for (const to of decision.notify) {
		await enqueueMail(tx, {
			to,
			kind: 'interest.staff_notification',
			related: { type: 'request_case', id: String(caseId) },
			...text
		});
	}
	if (decision.notify.length === 0)
		log.warn({ caseId, region: regionCode }, 'interest request has nobody to notify');

	await informConsultants(tx, {
		caseId,
		regionCode,
		requestIds,
		candidates,
		decision,
		origin: input.origin,
		now
	});

	const contact = (await getCaseContact(tx, caseId))!;
	await enqueueMail(tx, {
		to: input.employer.email,
		kind: 'interest.employer_confirmation',
		replyTo: replyToOf(contact),
		related: { type: 'employer_submission', id: String(input.submissionId) },
		...employerConfirmation({
			contactName: input.employer.contactName,
			lines: contact.lines,
			statusUrl: statusLink(input.origin, input.token),
			instrumentsUrl: instrumentsLink(input.origin, regionCode),
			dueAt,
			contact
		})
	});
	return { caseId, requestIds, dueAt };
}

/**
 * The candidate's own consultant (when on the region's team and not the adviser already) is told to
 * contact the candidate. The employer still deals with the adviser only.
 */
async function informConsultants(
	tx: Queryable,
	input: {
		caseId: number;
		regionCode: string;
		requestIds: number[];
		candidates: ({ klantmanagerEmail: string | null } | null)[];
		decision: { assignedUserId: string | null };
		origin: string;
		now: Date;
	}
) {
	const team = await listRegionTeam(tx, input.regionCode);
	const adviser = team.find((m) => m.id === input.decision.assignedUserId);
	for (const [i, candidate] of input.candidates.entries()) {
		const email = candidate?.klantmanagerEmail?.trim().toLowerCase();
		const consultant = email ? team.find((m) => m.email.toLowerCase() === email) : undefined;
		if (!consultant || consultant.id === input.decision.assignedUserId) continue;
		const requestId = input.requestIds[i];
		await enqueueMail(tx, {
			to: consultant.email,
			kind: 'interest.consultant_notice',
			dedupeKey: `interest:${requestId}:consultant:${consultant.id}`,
			related: { type: 'interest_request', id: String(requestId) },
			...consultantNotice({
				requestUrl: requestLink(input.origin, requestId),
				adviserName: adviser ? adviser.name || adviser.email : null
			})
		});
		await tx`
			insert into request_events (request_id, kind, user_id, created_at)
			values (${requestId}, 'consultant_informed', ${consultant.id}, ${input.now})`;
	}
}
