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

/** The request row with its case, submission, region and people, as the detail query selects it. */
interface DetailRow {
	id: number;
	case_id: number;
	status: RequestStatus;
	outcome: Outcome | null;
	public_ref: string;
	region_code: string;
	snapshot: ProfileDocument;
	created_at: Date;
	candidate_consent_at: Date | null;
	assigned_user_id: string | null;
	assigned_mailbox: string | null;
	due_at: Date;
	first_contact_at: Date | null;
	escalated_at: Date | null;
	overdue_notified_at: Date | null;
	employer_id: number | null;
	company_name: string | null;
	kvk_number: string | null;
	contact_name: string | null;
	email: string | null;
	phone: string | null;
	job_title: string | null;
	hours_per_week: number | null;
	start_date: string | null;
	message: string | null;
	erased_at: Date | null;
	work_place: string | null;
	region_name: string;
	wsp_name: string;
	assigned_name: string | null;
	consent_by_name: string | null;
	account_manager_id: string | null;
	account_manager_set_at: Date | null;
	account_manager_name: string | null;
	account_manager_set_by_name: string | null;
}

interface RoutingRow {
	reason: string;
	detail: { skippedAbsent?: string[] } | null;
	mailbox: string | null;
	decided_at: Date;
	assigned_name: string | null;
	coordinator_name: string | null;
	decided_by_name: string | null;
}

interface EventRow {
	kind: string;
	from_status: string | null;
	to_status: string | null;
	body: string | null;
	visible_to_employer: boolean;
	created_at: Date;
	user_name: string | null;
}

/**
 * Everything an adviser needs on one request, including the klantnummer: the CALLER must have checked
 * region access (requireRegionAccess) before calling this.
 */
export async function getRequestDetail(sql: Sql, id: number, now: Date) {
	const [r] = await sql<DetailRow[]>`
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
		sql<RoutingRow[]>`select d.reason, d.detail, d.mailbox, d.decided_at, a.name as assigned_name,
				k.name as coordinator_name, b.name as decided_by_name
			from request_routings d
			left join users a on a.id = d.assigned_user_id
			left join users k on k.id = d.coordinator_user_id
			left join users b on b.id = d.decided_by
			where d.case_id = ${r.case_id} order by d.decided_at, d.id`,
		sql<EventRow[]>`select e.kind, e.from_status, e.to_status, e.body, e.visible_to_employer, e.created_at,
				u.name as user_name
			from request_events e left join users u on u.id = e.user_id
			where e.request_id = ${id} order by e.created_at, e.id`,
		lookupCandidateForStaff(sql, r.public_ref),
		lookupPublicProfile(sql, r.public_ref),
		listRegionTeam(sql, r.region_code),
		sql<
			{ id: number; public_ref: string; title: string; status: RequestStatus; outcome: Outcome | null }[]
		>`select id::int, public_ref, snapshot->>'title' as title, status, outcome
			from interest_requests where case_id = ${r.case_id} order by id`,
		sql<(StepRow & { userName: string | null; agreements: string | null })[]>`
			select s.kind, s.meeting_on::text as "meetingOn", s.place, s.starts_on::text as "startsOn",
				s.ends_on::text as "endsOn", s.contract_type as "contractType", s.reason, s.agreements,
				s.created_at as "createdAt", x.public_ref as "publicRef", u.name as "userName"
			from case_steps s left join interest_requests x on x.id = s.request_id
			left join users u on u.id = s.user_id
			where s.case_id = ${r.case_id} order by s.created_at, s.id`
	]);
	const status = r.status;
	return {
		id: r.id,
		caseId: r.case_id,
		lines: lines.map((l) => ({
			id: l.id,
			publicRef: l.public_ref,
			title: l.title,
			statusLabel: l.outcome
				? `${STATUS_LABELS[l.status]}: ${OUTCOME_LABELS[l.outcome]}`
				: STATUS_LABELS[l.status],
			current: l.id === r.id
		})),
		steps: steps.map((s) => ({
			at: s.createdAt,
			userName: s.userName,
			agreements: s.agreements,
			...describeStep(s)
		})),
		stepKinds: STEP_KINDS.map((k) => ({ value: k, label: STEP_LABELS[k] })),
		contractTypes: CONTRACT_TYPES.map((k) => ({ value: k, label: CONTRACT_LABELS[k] })),
		employerId: r.employer_id,
		fixedContact: r.account_manager_id
			? {
					id: r.account_manager_id,
					name: r.account_manager_name || 'Onbekend',
					setAt: r.account_manager_set_at,
					setByName: r.account_manager_set_by_name
				}
			: null,
		team: team.map((m) => ({ id: m.id, name: m.name || m.email, absent: isAbsent(m, now) })),
		overdueNotifiedAt: r.overdue_notified_at,
		publicRef: r.public_ref,
		regionCode: r.region_code,
		regionName: r.region_name,
		wspName: r.wsp_name,
		status,
		statusLabel: STATUS_LABELS[status],
		outcomeLabel: r.outcome ? OUTCOME_LABELS[r.outcome] : null,
		nextStatuses: NEXT_STATUSES[status].map((s) => ({ value: s, label: STATUS_LABELS[s] })),
		createdAt: r.created_at,
		dueAt: r.due_at,
		firstContactAt: r.first_contact_at,
		escalatedAt: r.escalated_at,
		consent: r.candidate_consent_at ? { at: r.candidate_consent_at, by: r.consent_by_name } : null,
		assignedUserId: r.assigned_user_id,
		assignedName: r.assigned_name,
		assignedMailbox: r.assigned_mailbox,
		employer: {
			erased: r.erased_at !== null,
			companyName: r.company_name,
			kvkNumber: r.kvk_number,
			contactName: r.contact_name,
			email: r.email,
			phone: r.phone,
			workPlace: r.work_place,
			jobTitle: r.job_title,
			hoursPerWeek: r.hours_per_week,
			startDate: r.start_date,
			message: r.message
		},
		snapshot: r.snapshot,
		stillPublished: current.status === 'published',
		klantnummer: candidate?.klantnummer ?? null,
		organisation: candidate?.organisation ?? null,
		routings: routings.map((d) => ({
			at: d.decided_at,
			reason: ROUTING_REASON_LABELS[d.reason] ?? d.reason,
			assignedName: d.assigned_name,
			mailbox: d.mailbox,
			coordinatorName: d.coordinator_name,
			decidedByName: d.decided_by_name,
			skippedAbsent: (d.detail?.skippedAbsent ?? []).length
		})),
		events: events.map((e) => ({
			kind: e.kind,
			at: e.created_at,
			userName: e.user_name,
			toStatus: e.to_status,
			body: e.body
		})),
		colleagues: team
			.filter((m) => m.id !== r.assigned_user_id)
			.map((m) => ({ id: m.id, name: m.name || m.email, absent: isAbsent(m, now) }))
	};
}

export type RequestDetail = NonNullable<Awaited<ReturnType<typeof getRequestDetail>>>;
