import type { ProfileDocument } from '$search/document';
import type { Clock } from '../clock';
import type { Sql } from '../db/database';
import { log } from '../log';
import { enqueueMail } from '../mail/outbox';
import { nudgeMailWorker } from '../mail/worker';
import { computeDueAt } from './due-time';
import { requestLink, statusLink } from './links';
import { employerConfirmation, sharedMailboxNotification, staffNotification } from './messages';
import { lookupCandidateForStaff, lookupPublicProfile } from './profile-source';
import type { Queryable } from '../db/database';
import { routeRequest } from './routing';
import { getRequestSettings } from './settings';
import { hashStatusToken, newStatusToken } from './token';

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
	| { ok: true; token: string; submissionId: number; dueAt: Date; requestIds: number[] }
	| { ok: false; unavailable: string[] };

class Unavailable extends Error {
	constructor(readonly refs: string[]) {
		super('profiles no longer published');
	}
}

/**
 * Records an employer's interest in one or more published profiles, routes each to its region's WSP
 * team and queues every mail, all in ONE transaction: the employer sees the confirmation only when the
 * request, its routing and its messages are committed together.
 */
export async function submitInterest(
	sql: Sql,
	input: { employer: EmployerDetails; refs: string[]; origin: string; clock: Clock }
): Promise<SubmitResult> {
	const token = newStatusToken();
	try {
		const result = await sql.begin(async (tx) => {
			const now = input.clock.now();
			const documents = await publishedDocuments(tx, input.refs);
			const settings = await getRequestSettings(tx);
			const dueAt = computeDueAt(now, settings);
			const e = input.employer;
			const [submission] = await tx<{ id: number }[]>`
				insert into employer_submissions (token_hash, company_name, kvk_number, contact_name, email,
					phone, work_municipality_code, job_title, hours_per_week, start_date, message, consent_at,
					created_at)
				values (${hashStatusToken(token)}, ${e.companyName}, ${e.kvkNumber}, ${e.contactName}, ${e.email},
					${e.phone}, ${e.workMunicipalityCode}, ${e.jobTitle}, ${e.hoursPerWeek}, ${e.startDate},
					${e.message}, ${now}, ${now})
				returning id::int`;
			const requestIds: number[] = [];
			for (const document of documents) {
				requestIds.push(
					await createRequest(tx, submission.id, document, { now, dueAt, origin: input.origin })
				);
			}
			await enqueueMail(tx, {
				to: e.email,
				kind: 'interest.employer_confirmation',
				related: { type: 'employer_submission', id: String(submission.id) },
				...employerConfirmation({
					contactName: e.contactName,
					profileCount: documents.length,
					statusUrl: statusLink(input.origin, token),
					dueAt
				})
			});
			return { submissionId: submission.id, dueAt, requestIds };
		});
		log.info(
			{ submissionId: result.submissionId, requests: result.requestIds.length },
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

async function createRequest(
	tx: Queryable,
	submissionId: number,
	document: ProfileDocument,
	at: { now: Date; dueAt: Date; origin: string }
): Promise<number> {
	const candidate = await lookupCandidateForStaff(tx, document.id);
	const decision = await routeRequest(tx, {
		regionCode: document.region,
		consultantEmail: candidate?.klantmanagerEmail ?? null,
		now: at.now
	});
	const [request] = await tx<{ id: number }[]>`
		insert into interest_requests (submission_id, public_ref, region_code, snapshot, assigned_user_id,
			assigned_mailbox, due_at, created_at, updated_at)
		values (${submissionId}, ${document.id}, ${document.region}, ${tx.json(JSON.parse(JSON.stringify(document)))},
			${decision.assignedUserId}, ${decision.mailbox}, ${at.dueAt}, ${at.now}, ${at.now})
		returning id::int`;
	await tx`
		insert into request_routings (request_id, assigned_user_id, mailbox, coordinator_user_id, reason, detail, decided_at)
		values (${request.id}, ${decision.assignedUserId}, ${decision.mailbox}, ${decision.coordinatorUserId},
			${decision.reason}, ${tx.json(decision.detail)}, ${at.now})`;
	await tx`
		insert into request_events (request_id, kind, to_status, created_at)
		values (${request.id}, 'created', 'nieuw', ${at.now})`;
	const url = requestLink(at.origin, request.id);
	const text = decision.assignedUserId
		? staffNotification({ requestUrl: url, dueAt: at.dueAt })
		: sharedMailboxNotification({ requestUrl: url, dueAt: at.dueAt });
	for (const to of decision.notify) {
		await enqueueMail(tx, {
			to,
			kind: 'interest.staff_notification',
			related: { type: 'interest_request', id: String(request.id) },
			...text
		});
	}
	if (decision.notify.length === 0)
		log.warn({ requestId: request.id, region: document.region }, 'interest request has nobody to notify');
	return request.id;
}
