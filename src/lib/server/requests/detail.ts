import type { ProfileDocument } from '$search/document';
import { listRegionTeam } from '../auth/user';
import type { Sql } from '../db/database';
import {
	OUTCOME_LABELS,
	ROUTING_REASON_LABELS,
	STATUS_LABELS,
	type Outcome,
	type RequestStatus
} from './labels';
import { lookupCandidateForStaff, lookupPublicProfile } from './profile-source';
import { isAbsent } from './routing';
import {
	CONTRACT_LABELS,
	CONTRACT_TYPES,
	describeStep,
	STEP_KINDS,
	STEP_LABELS,
	type StepRow
} from './steps';
import { NEXT_STATUSES } from './workflow';

/**
 * Everything an adviser needs on one request, including the klantnummer: the CALLER must have checked
 * region access (requireRegionAccess) before calling this.
 */
export async function getRequestDetail(sql: Sql, id: number, now: Date) {
	const [r] = await sql`
		select r.*, r.id::int as id, r.case_id::int as case_id, k.assigned_user_id, k.assigned_mailbox, k.due_at,
			k.first_contact_at, k.escalated_at, k.overdue_notified_at, k.employer_id::int as employer_id,
			s.company_name, s.kvk_number, s.contact_name, s.email, s.phone,
			s.job_title, s.hours_per_week, s.start_date::text as start_date, s.message, s.erased_at,
			s.created_at as submitted_at, m.name as work_place, g.name as region_name, g.wsp_name,
			u.name as assigned_name, c.name as consent_by_name, e.account_manager_id, e.account_manager_set_at,
			am.name as account_manager_name, sb.name as account_manager_set_by_name
		from interest_requests r
		join request_cases k on k.id = r.case_id
		join employer_submissions s on s.id = r.submission_id
		join regions g on g.code = r.region_code
		left join employers e on e.id = k.employer_id
		left join users am on am.id = e.account_manager_id
		left join users sb on sb.id = e.account_manager_set_by
		left join municipalities m on m.code = s.work_municipality_code
		left join users u on u.id = k.assigned_user_id
		left join users c on c.id = r.candidate_consent_by
		where r.id = ${id}`;
	if (!r) return null;
	const [routings, events, candidate, current, team, lines, steps] = await Promise.all([
		sql`select d.reason, d.detail, d.mailbox, d.decided_at, a.name as assigned_name,
				k.name as coordinator_name, b.name as decided_by_name
			from request_routings d
			left join users a on a.id = d.assigned_user_id
			left join users k on k.id = d.coordinator_user_id
			left join users b on b.id = d.decided_by
			where d.case_id = ${r.case_id} order by d.decided_at, d.id`,
		sql`select e.kind, e.from_status, e.to_status, e.body, e.visible_to_employer, e.created_at,
				u.name as user_name
			from request_events e left join users u on u.id = e.user_id
			where e.request_id = ${id} order by e.created_at, e.id`,
		lookupCandidateForStaff(sql, r.public_ref),
		lookupPublicProfile(sql, r.public_ref),
		listRegionTeam(sql, r.region_code),
		sql`select id::int, public_ref, snapshot->>'title' as title, status, outcome
			from interest_requests where case_id = ${r.case_id} order by id`,
		sql<(StepRow & { userName: string | null })[]>`
			select s.kind, s.meeting_on::text as "meetingOn", s.place, s.starts_on::text as "startsOn",
				s.ends_on::text as "endsOn", s.contract_type as "contractType", s.reason, s.agreements,
				s.created_at as "createdAt", x.public_ref as "publicRef", u.name as "userName"
			from case_steps s left join interest_requests x on x.id = s.request_id
			left join users u on u.id = s.user_id
			where s.case_id = ${r.case_id} order by s.created_at, s.id`
	]);
	const status = r.status as RequestStatus;
	return {
		id: r.id as number,
		caseId: r.case_id as number,
		lines: lines.map((l) => ({
			id: l.id as number,
			publicRef: l.public_ref as string,
			title: l.title as string,
			statusLabel: l.outcome
				? `${STATUS_LABELS[l.status as RequestStatus]}: ${OUTCOME_LABELS[l.outcome as Outcome]}`
				: STATUS_LABELS[l.status as RequestStatus],
			current: l.id === r.id
		})),
		steps: steps.map((s) => ({
			at: s.createdAt,
			userName: s.userName,
			agreements: (s as unknown as { agreements: string | null }).agreements,
			...describeStep(s)
		})),
		stepKinds: STEP_KINDS.map((k) => ({ value: k, label: STEP_LABELS[k] })),
		contractTypes: CONTRACT_TYPES.map((k) => ({ value: k, label: CONTRACT_LABELS[k] })),
		employerId: r.employer_id as number | null,
		fixedContact: r.account_manager_id
			? {
					id: r.account_manager_id as string,
					name: (r.account_manager_name as string) || 'Onbekend',
					setAt: r.account_manager_set_at as Date | null,
					setByName: r.account_manager_set_by_name as string | null
				}
			: null,
		team: team.map((m) => ({ id: m.id, name: m.name || m.email, absent: isAbsent(m, now) })),
		overdueNotifiedAt: r.overdue_notified_at as Date | null,
		publicRef: r.public_ref as string,
		regionCode: r.region_code as string,
		regionName: r.region_name as string,
		wspName: r.wsp_name as string,
		status,
		statusLabel: STATUS_LABELS[status],
		outcomeLabel: r.outcome ? OUTCOME_LABELS[r.outcome as Outcome] : null,
		nextStatuses: NEXT_STATUSES[status].map((s) => ({ value: s, label: STATUS_LABELS[s] })),
		createdAt: r.created_at as Date,
		dueAt: r.due_at as Date,
		firstContactAt: r.first_contact_at as Date | null,
		escalatedAt: r.escalated_at as Date | null,
		consent: r.candidate_consent_at
			? { at: r.candidate_consent_at as Date, by: r.consent_by_name as string }
			: null,
		assignedUserId: r.assigned_user_id as string | null,
		assignedName: r.assigned_name as string | null,
		assignedMailbox: r.assigned_mailbox as string | null,
		employer: {
			erased: r.erased_at !== null,
			companyName: r.company_name as string | null,
			kvkNumber: r.kvk_number as string | null,
			contactName: r.contact_name as string | null,
			email: r.email as string | null,
			phone: r.phone as string | null,
			workPlace: r.work_place as string | null,
			jobTitle: r.job_title as string | null,
			hoursPerWeek: r.hours_per_week as number | null,
			startDate: r.start_date as string | null,
			message: r.message as string | null
		},
		snapshot: r.snapshot as ProfileDocument,
		stillPublished: current.status === 'published',
		klantnummer: candidate?.klantnummer ?? null,
		organisation: candidate?.organisation ?? null,
		routings: routings.map((d) => ({
			at: d.decided_at as Date,
			reason: ROUTING_REASON_LABELS[d.reason] ?? d.reason,
			assignedName: d.assigned_name as string | null,
			mailbox: d.mailbox as string | null,
			coordinatorName: d.coordinator_name as string | null,
			decidedByName: d.decided_by_name as string | null,
			skippedAbsent: ((d.detail?.skippedAbsent as string[] | undefined) ?? []).length
		})),
		events: events.map((e) => ({
			kind: e.kind as string,
			at: e.created_at as Date,
			userName: e.user_name as string | null,
			toStatus: e.to_status as string | null,
			body: e.body as string | null
		})),
		colleagues: team
			.filter((m) => m.id !== r.assigned_user_id)
			.map((m) => ({ id: m.id, name: m.name || m.email, absent: isAbsent(m, now) }))
	};
}

export type RequestDetail = NonNullable<Awaited<ReturnType<typeof getRequestDetail>>>;
