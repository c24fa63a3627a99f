import * as v from 'valibot';
import { listRegionTeam } from '../auth/user';
import type { Sql } from '../db/database';
import { isCalendarDay, localInstant } from '$lib/time';
import { getCaseContact, mailEmployer } from './case-contact';
import { addEvent, changeRequest, type ChangeContext } from './change';
import { employerAgreement, formatStepDate } from './messages';
import { lookupCandidateForStaff } from './profile-source';
import type { Queryable } from '../db/database';

/** The follow-through after first contact, as the customer-journey research describes it. */
export const STEP_KINDS = [
	'kennismakingsgesprek',
	'voorgedragen',
	'sollicitatiegesprek',
	'proefplaatsing',
	'geplaatst',
	'geen_match'
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export const STEP_LABELS: Record<StepKind, string> = {
	kennismakingsgesprek: 'Kennismakingsgesprek bij de werkgever',
	voorgedragen: 'Kandidaten voorgedragen',
	sollicitatiegesprek: 'Sollicitatiegesprek',
	proefplaatsing: 'Proefplaatsing',
	geplaatst: 'Geplaatst',
	geen_match: 'Geen match'
};

/** Steps about one candidate line; the others are about the whole case. */
const LINE_STEPS: StepKind[] = ['sollicitatiegesprek', 'proefplaatsing', 'geplaatst', 'geen_match'];
/** The employer learns who the candidate is: only with the candidate's consent. */
const NEEDS_CONSENT: StepKind[] = ['sollicitatiegesprek', 'proefplaatsing', 'geplaatst'];

export const CONTRACT_TYPES = ['bepaalde_tijd', 'onbepaalde_tijd', 'uitzendbasis', 'anders'] as const;
export const CONTRACT_LABELS: Record<(typeof CONTRACT_TYPES)[number], string> = {
	bepaalde_tijd: 'Tijdelijk contract',
	onbepaalde_tijd: 'Vast contract',
	uitzendbasis: 'Via een uitzendbureau',
	anders: 'Anders'
};

export const TASK_LABELS: Record<string, string> = {
	contact_2_weken: 'Contactmoment na 2 weken',
	contact_6_weken: 'Contactmoment na 6 weken',
	contact_contracteinde: 'Contactmoment voor het einde van het contract',
	nazorg: 'Nazorg: kandidaat is afgewezen'
};

const isoDate = v.pipe(
	v.string(),
	v.regex(/^\d{4}-\d{2}-\d{2}$/, 'Vul een datum in, zoals 2026-03-15.'),
	v.check(isCalendarDay, 'Deze datum bestaat niet.')
);
const optionalDate = v.optional(v.union([v.literal(''), isoDate]), '');
const text = (max: number) =>
	v.pipe(v.optional(v.string(), ''), v.trim(), v.maxLength(max, `Maximaal ${max} tekens.`));

const StepSchema = v.pipe(
	v.object({
		kind: v.picklist(STEP_KINDS, 'Kies een stap.'),
		meetingOn: optionalDate,
		place: text(200),
		startsOn: optionalDate,
		endsOn: optionalDate,
		contractType: v.optional(v.union([v.literal(''), v.picklist(CONTRACT_TYPES)]), ''),
		reason: text(1000),
		agreements: text(4000)
	}),
	v.forward(
		v.check(
			(s) => !['kennismakingsgesprek', 'sollicitatiegesprek'].includes(s.kind) || s.meetingOn !== '',
			'Vul de datum van het gesprek in.'
		),
		['meetingOn']
	),
	v.forward(
		v.check(
			(s) => !['proefplaatsing', 'geplaatst'].includes(s.kind) || s.startsOn !== '',
			'Vul de startdatum in.'
		),
		['startsOn']
	),
	v.forward(
		v.check((s) => s.kind !== 'proefplaatsing' || s.endsOn !== '', 'Vul de einddatum in.'),
		['endsOn']
	),
	v.forward(
		v.check((s) => !s.endsOn || !s.startsOn || s.endsOn >= s.startsOn, 'De einddatum ligt voor de start.'),
		['endsOn']
	),
	v.forward(
		v.check((s) => s.kind !== 'geplaatst' || s.contractType !== '', 'Kies het soort contract.'),
		['contractType']
	),
	v.forward(
		v.check((s) => s.kind !== 'geen_match' || s.reason !== '', 'Vul de reden in.'),
		['reason']
	)
);
export type StepInput = v.InferOutput<typeof StepSchema>;

/** The form's field for each part of a step: problems are reported under the field's name. */
const FORM_FIELDS: Record<keyof StepInput, string> = {
	kind: 'stap',
	meetingOn: 'datum',
	place: 'plaats',
	startsOn: 'start',
	endsOn: 'einde',
	contractType: 'contract',
	reason: 'reden',
	agreements: 'afspraken'
};

/** The form's fields (Dutch names) to a checked step, or the first problem per form field. */
export function parseStepForm(
	form: FormData
): { ok: true; step: StepInput } | { ok: false; errors: Record<string, string> } {
	const get = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : undefined;
	};
	const input = Object.fromEntries(Object.entries(FORM_FIELDS).map(([key, field]) => [key, get(field)]));
	const result = v.safeParse(StepSchema, input);
	if (result.success) return { ok: true, step: result.output };
	const errors: Record<string, string> = {};
	for (const issue of result.issues) {
		const key = String(issue.path?.[0]?.key ?? 'kind') as keyof StepInput;
		errors[FORM_FIELDS[key] ?? 'stap'] ??= issue.message;
	}
	return { ok: false, errors };
}

export interface StepRow {
	kind: StepKind;
	meetingOn: string | null;
	place: string | null;
	startsOn: string | null;
	endsOn: string | null;
	contractType: (typeof CONTRACT_TYPES)[number] | null;
	reason: string | null;
	createdAt: Date;
	publicRef: string | null;
}

/** The step as the employer and the adviser read it. */
export function describeStep(s: Omit<StepRow, 'createdAt'>): { label: string; facts: string[] } {
	const facts: string[] = [];
	if (s.publicRef) facts.push(`Kandidaat: ${s.publicRef}`);
	if (s.meetingOn) facts.push(`Datum: ${formatStepDate(s.meetingOn)}`);
	if (s.place) facts.push(`Plaats: ${s.place}`);
	if (s.contractType) facts.push(`Contract: ${CONTRACT_LABELS[s.contractType]}`);
	if (s.startsOn) facts.push(`Start: ${formatStepDate(s.startsOn)}`);
	if (s.endsOn) facts.push(`Einde: ${formatStepDate(s.endsOn)}`);
	if (s.reason) facts.push(`Reden: ${s.reason}`);
	return { label: STEP_LABELS[s.kind], facts };
}

const DAY_MS = 86_400_000;
/** Tasks fall due at 09:00 Amsterdam time on their day. */
const morningOf = (isoDay: string, plusDays = 0) => {
	const [y, m, d] = isoDay.split('-').map(Number);
	return localInstant(y, m, d + plusDays, 9 * 60);
};

/** The contact moments of a (trial) placement: after 2 and 6 weeks, and two weeks before the end. */
export function contactMoments(startsOn: string, endsOn: string | null) {
	const moments = [
		{ kind: 'contact_2_weken', dueAt: morningOf(startsOn, 14) },
		{ kind: 'contact_6_weken', dueAt: morningOf(startsOn, 42) }
	];
	if (endsOn) {
		const beforeEnd = morningOf(endsOn, -14);
		const start = morningOf(startsOn);
		moments.push({
			kind: 'contact_contracteinde',
			dueAt:
				beforeEnd > start
					? beforeEnd
					: new Date(Math.max(start.getTime(), morningOf(endsOn).getTime() - DAY_MS))
		});
	}
	return moments;
}

export type StepError = 'consent_required' | 'closed' | 'invalid';

/**
 * Records a step of the case from one candidate line's page, confirms it to the employer by mail, and
 * creates its tasks: contact moments for a (trial) placement, after-care for a turned-down candidate.
 * Placing or turning down closes the line. Access is checked by the caller.
 */
export function recordStep(sql: Sql, requestId: number, ctx: ChangeContext, step: StepInput) {
	return changeRequest<StepError>(
		sql,
		requestId,
		ctx,
		'interest-request-step-recorded',
		async (tx, row, now) => {
			const aboutLine = LINE_STEPS.includes(step.kind);
			if (aboutLine && row.status === 'afgerond') return 'closed';
			if (NEEDS_CONSENT.includes(step.kind) && !row.candidateConsentAt) return 'consent_required';
			const [created] = await tx<{ id: number }[]>`
			insert into case_steps (case_id, request_id, kind, meeting_on, place, starts_on, ends_on, contract_type,
				reason, agreements, user_id, created_at)
			values (${row.caseId}, ${aboutLine ? row.id : null}, ${step.kind}, ${step.meetingOn || null},
				${step.place || null}, ${step.startsOn || null}, ${step.endsOn || null}, ${step.contractType || null},
				${step.reason || null}, ${step.agreements || null}, ${ctx.user.id}, ${now})
			returning id::int`;
			if (step.kind === 'proefplaatsing' || step.kind === 'geplaatst') {
				for (const m of contactMoments(step.startsOn, step.endsOn || null)) {
					await addTask(tx, {
						caseId: row.caseId,
						requestId: row.id,
						stepId: created.id,
						...m,
						userId: row.assignedUserId
					});
				}
			}
			if (step.kind === 'geen_match') {
				const consultant = await consultantOf(tx, row.publicRef, row.regionCode);
				await addTask(tx, {
					caseId: row.caseId,
					requestId: row.id,
					stepId: created.id,
					kind: 'nazorg',
					dueAt: new Date(now.getTime() + 7 * DAY_MS),
					userId: consultant ?? row.assignedUserId
				});
			}
			if (step.kind === 'geplaatst' || step.kind === 'geen_match') {
				const outcome = step.kind === 'geplaatst' ? 'geplaatst' : 'geen_match';
				await tx`
				update interest_requests set status = 'afgerond', outcome = ${outcome}, closed_at = ${now}, updated_at = ${now}
				where id = ${row.id}`;
			}
			await addEvent(tx, {
				requestId: row.id,
				kind: 'step',
				userId: ctx.user.id,
				at: now,
				fromStatus: row.status,
				toStatus: step.kind
			});
			const contact = await getCaseContact(tx, row.caseId);
			if (contact) {
				const { label, facts } = describeStep({
					...step,
					meetingOn: step.meetingOn || null,
					startsOn: step.startsOn || null,
					endsOn: step.endsOn || null,
					contractType: step.contractType || null,
					reason: step.kind === 'geen_match' ? null : step.reason || null,
					place: step.place || null,
					publicRef: null
				});
				await mailEmployer(tx, contact, {
					kind: 'interest.employer_agreement',
					dedupeKey: `case:${row.caseId}:step:${created.id}`,
					origin: ctx.origin,
					now,
					build: (statusUrl) =>
						employerAgreement({
							contactName: contact.contactName ?? '',
							stepLabel: label,
							facts,
							agreements: step.agreements,
							lines: aboutLine ? [{ publicRef: row.publicRef, title: row.title }] : contact.lines,
							statusUrl,
							contact
						})
				});
			}
			return { step: created.id, kind: step.kind };
		}
	);
}

async function addTask(
	tx: Queryable,
	t: { caseId: number; requestId: number; stepId: number; kind: string; dueAt: Date; userId: string | null }
) {
	await tx`
		insert into case_tasks (case_id, request_id, step_id, kind, assigned_user_id, due_at)
		values (${t.caseId}, ${t.requestId}, ${t.stepId}, ${t.kind}, ${t.userId}, ${t.dueAt})
		on conflict (step_id, kind) do nothing`;
}

/** The candidate's own consultant, when they are on the region's team. */
async function consultantOf(tx: Queryable, publicRef: string, regionCode: string): Promise<string | null> {
	const candidate = await lookupCandidateForStaff(tx, publicRef);
	const email = candidate?.klantmanagerEmail?.trim().toLowerCase();
	if (!email) return null;
	const team = await listRegionTeam(tx, regionCode);
	return team.find((m) => m.email.toLowerCase() === email)?.id ?? null;
}
