import type { Outcome } from '../result';
import { refuseAction } from './change';
import { recordAudit } from '../audit';
import { requireRegionAccess } from '../auth/guard';
import { regionCondition, type StaffScope } from '../auth/scope';
import type { SessionUser } from '../auth/session-user';
import type { Sql } from '../db/database';
import { dueState, type DueState } from './due-time';
import { TASK_LABELS } from './steps';

export interface TaskRow {
	id: number;
	requestId: number;
	kind: string;
	label: string;
	publicRef: string;
	companyName: string | null;
	assignedName: string | null;
	dueAt: Date;
	doneAt: Date | null;
	due: DueState;
}

export interface TaskCounters {
	open: number;
	soon: number;
	late: number;
}

/**
 * The due-dated tasks of the inbox (contact moments after a placement, after-care): the user's own, or
 * their region team's, within an explicit staff scope (none gives nothing).
 */
export async function listTasks(
	sql: Sql,
	input: { scope: StaffScope; userId: string | null; now: Date; soonHours: number; caseId?: number }
): Promise<{ rows: TaskRow[]; counters: TaskCounters }> {
	const soonAt = new Date(input.now.getTime() + input.soonHours * 3_600_000);
	const scope = sql`${regionCondition(sql, input.scope, 'c.region_code')}
		and (${input.userId}::text is null or t.assigned_user_id = ${input.userId})
		and (${input.caseId ?? null}::bigint is null or t.case_id = ${input.caseId ?? null})`;
	const [counters] = await sql<TaskCounters[]>`
		select count(*)::int as open,
			count(*) filter (where t.due_at > ${input.now} and t.due_at <= ${soonAt})::int as soon,
			count(*) filter (where t.due_at <= ${input.now})::int as late
		from case_tasks t join request_cases c on c.id = t.case_id
		where ${scope} and t.done_at is null`;
	const rows = await sql<
		{
			id: number;
			request_id: number;
			kind: string;
			due_at: Date;
			done_at: Date | null;
			public_ref: string;
			company_name: string | null;
			assigned_name: string | null;
		}[]
	>`
		select t.id::int, t.request_id::int, t.kind, t.due_at, t.done_at, r.public_ref, s.company_name,
			u.name as assigned_name
		from case_tasks t join request_cases c on c.id = t.case_id
		join interest_requests r on r.id = t.request_id
		join employer_submissions s on s.id = c.submission_id
		left join users u on u.id = t.assigned_user_id
		where ${scope} and (t.done_at is null or ${input.caseId ?? null}::bigint is not null)
		order by t.done_at nulls first, t.due_at, t.id limit 500`;
	return {
		counters,
		rows: rows.map((t) => ({
			id: t.id,
			requestId: t.request_id,
			kind: t.kind,
			label: TASK_LABELS[t.kind] ?? t.kind,
			publicRef: t.public_ref,
			companyName: t.company_name,
			assignedName: t.assigned_name,
			dueAt: t.due_at,
			doneAt: t.done_at,
			due: dueState({ dueAt: t.due_at, doneAt: t.done_at }, input.now, input.soonHours)
		}))
	};
}

/** Marks a task done; a WSP member of the case's region or an admin (checked here, server-side). */
export async function completeTask(
	sql: Sql,
	user: SessionUser,
	taskId: number,
	now: Date
): Promise<Outcome<object, 'not_found' | 'already'>> {
	return sql.begin(async (tx) => {
		const [task] = await tx<{ region_code: string; done_at: Date | null }[]>`
			select c.region_code, t.done_at from case_tasks t join request_cases c on c.id = t.case_id
			where t.id = ${taskId} for update of t`;
		if (!task) return refuseAction('not_found' as const);
		requireRegionAccess(user, task.region_code);
		if (task.done_at) return refuseAction('already' as const);
		await tx`update case_tasks set done_at = ${now}, done_by = ${user.id} where id = ${taskId}`;
		await recordAudit(tx, {
			userId: user.id,
			action: 'case-task-done',
			subjectType: 'case_task',
			subjectId: String(taskId)
		});
		return { ok: true as const };
	});
}
