import type { Sql } from '../db/database';
import { getCaseContact, mailEmployer } from './case-contact';
import { addEvent, changeRequest, type ChangeContext, type ChangeResult } from './change';
import { EMPLOYER_STATUS_LABELS, OUTCOME_LABELS, type Outcome, type RequestStatus } from './labels';
import { employerStatusUpdate, type MailText } from './messages';
import type { Queryable } from '../db/database';
import type { RequestRow } from './request-row';

/** The steps an adviser may take from each status; 'afgerond' (with an outcome) is possible from any. */
export const NEXT_STATUSES: Record<RequestStatus, RequestStatus[]> = {
	nieuw: ['in_behandeling', 'afgerond'],
	in_behandeling: ['kandidaat_benaderd', 'afgerond'],
	kandidaat_benaderd: ['wil_kennismaken', 'wil_niet', 'niet_bereikbaar', 'afgerond'],
	wil_kennismaken: ['afgerond'],
	wil_niet: ['afgerond'],
	niet_bereikbaar: ['kandidaat_benaderd', 'afgerond'],
	afgerond: []
};

/** Outcomes in which the employer gets to know who the candidate is. */
const SHARES_DETAILS: Outcome[] = ['gesprek_gepland', 'geplaatst'];

export type StatusError = 'transition' | 'outcome_required' | 'consent_required';

export function changeStatus(
	sql: Sql,
	requestId: number,
	ctx: ChangeContext,
	to: RequestStatus,
	outcome: Outcome | null
): Promise<ChangeResult<StatusError>> {
	return changeRequest<StatusError>(
		sql,
		requestId,
		ctx,
		'interest-request-status-changed',
		async (tx, row, now) => {
			if (!NEXT_STATUSES[row.status].includes(to)) return 'transition';
			if (to === 'afgerond' && !outcome) return 'outcome_required';
			if (outcome && SHARES_DETAILS.includes(outcome) && !row.candidateConsentAt) return 'consent_required';
			const finalOutcome = to === 'afgerond' ? outcome : null;
			await tx`
			update interest_requests set status = ${to}, outcome = ${finalOutcome},
				closed_at = ${to === 'afgerond' ? now : null}, updated_at = ${now}
			where id = ${row.id}`;
			await addEvent(tx, {
				requestId: row.id,
				kind: 'status',
				userId: ctx.user.id,
				at: now,
				fromStatus: row.status,
				toStatus: finalOutcome ? `${to}:${finalOutcome}` : to
			});
			const label = finalOutcome
				? `${EMPLOYER_STATUS_LABELS[to]} (${OUTCOME_LABELS[finalOutcome].toLowerCase()})`
				: EMPLOYER_STATUS_LABELS[to];
			await notifyEmployer(tx, row, `status:${to}`, ctx, now, (statusUrl, contact) =>
				employerStatusUpdate({
					contactName: row.contactName ?? '',
					line: { publicRef: row.publicRef, title: row.title },
					statusLabel: label,
					statusUrl,
					contact
				})
			);
			return { from: row.status, to, outcome: finalOutcome };
		}
	);
}

/** The 24-hour promise is about this moment: an adviser has spoken to or written to the employer. */
export function recordFirstContact(sql: Sql, requestId: number, ctx: ChangeContext) {
	return changeRequest<'already'>(sql, requestId, ctx, 'interest-request-contacted', async (tx, row, now) => {
		if (row.firstContactAt) return 'already';
		await markFirstContact(tx, row, ctx.user.id, now);
		return {};
	});
}

/** First contact is one moment per case: every new line of the case moves on to 'in behandeling'. */
export async function markFirstContact(tx: Queryable, row: RequestRow, userId: string, now: Date) {
	if (row.firstContactAt) return;
	await tx`update request_cases set first_contact_at = ${now}, updated_at = ${now} where id = ${row.caseId}`;
	const moved = await tx<{ id: number }[]>`
		update interest_requests set status = 'in_behandeling', updated_at = ${now}
		where case_id = ${row.caseId} and status = 'nieuw' returning id::int`;
	await addEvent(tx, {
		requestId: row.id,
		kind: 'contact',
		userId,
		at: now,
		fromStatus: row.status,
		toStatus: moved.some((m) => m.id === row.id) ? 'in_behandeling' : row.status
	});
}

/** The candidate agreed that their name and contact details go to this employer. */
export function recordCandidateConsent(sql: Sql, requestId: number, ctx: ChangeContext) {
	return changeRequest<'already'>(
		sql,
		requestId,
		ctx,
		'interest-request-consent-recorded',
		async (tx, row, now) => {
			if (row.candidateConsentAt) return 'already';
			await tx`
			update interest_requests set candidate_consent_at = ${now}, candidate_consent_by = ${ctx.user.id},
				updated_at = ${now}
			where id = ${row.id}`;
			await addEvent(tx, { requestId: row.id, kind: 'consent', userId: ctx.user.id, at: now });
			return {};
		}
	);
}

/** A mail to the employer about this line: answerable, naming the candidate, with a direct link. */
export async function notifyEmployer(
	tx: Queryable,
	row: RequestRow,
	key: string,
	ctx: ChangeContext,
	now: Date,
	build: (statusUrl: string, contact: NonNullable<Awaited<ReturnType<typeof getCaseContact>>>) => MailText
): Promise<void> {
	const contact = await getCaseContact(tx, row.caseId);
	if (!contact) return;
	await mailEmployer(tx, contact, {
		kind: 'interest.employer_update',
		dedupeKey: `interest:${row.id}:${key}`,
		origin: ctx.origin,
		now,
		build: (statusUrl) => build(statusUrl, contact)
	});
}
