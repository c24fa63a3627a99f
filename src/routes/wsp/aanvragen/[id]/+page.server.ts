import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { oneRegion } from '$lib/server/auth/scope';
import { ACTION_ERRORS, ACTION_SUCCESS } from '$lib/server/requests/action-messages';
import type { ChangeContext } from '$lib/server/requests/change';
import { addNote, replyToEmployer } from '$lib/server/requests/conversation';
import { getRequestDetail } from '$lib/server/requests/detail';
import { isOutcome, isStatus } from '$lib/server/requests/labels';
import { setAccountManager } from '$lib/server/requests/employers';
import { reassignRequest } from '$lib/server/requests/reassign';
import { requestClock } from '$lib/server/requests/request-clock';
import { getRequestSettings } from '$lib/server/requests/settings';
import { parseStepForm, recordStep } from '$lib/server/requests/steps';
import { completeTask, listTasks } from '$lib/server/requests/tasks';
import { recordRequestView, requireRequestAccess } from '$lib/server/requests/staff-access';
import { changeStatus, recordCandidateConsent, recordFirstContact } from '$lib/server/requests/workflow';
import type { Actions, PageServerLoad } from './$types';
import { siteOrigin } from '$lib/server/requests/links';

export const load: PageServerLoad = async (event) => {
	const sql = app().db.sql;
	const { user, row } = await requireRequestAccess(event, sql);
	const now = requestClock.now();
	const detail = await getRequestDetail(sql, row.id, now);
	if (!detail) error(404, 'Deze aanvraag bestaat niet.');
	const { soonHours } = await getRequestSettings(sql);
	// The case's region was checked by requireRequestAccess: the tasks are read in exactly that scope.
	const tasks = await listTasks(sql, {
		scope: oneRegion(row.regionCode),
		userId: null,
		now,
		soonHours,
		caseId: row.caseId
	});
	await recordRequestView(sql, user, row.id);
	return {
		request: detail,
		tasks: tasks.rows,
		now,
		canSetFixedContact: user.role === 'admin' || user.isCoordinator
	};
};

type Change = (
	id: number,
	ctx: ChangeContext,
	form: FormData
) => Promise<{ ok: true } | { ok: false; error: string }>;

/** Every action: the same access gate as the page, then one domain call, then Dutch feedback. */
function action(name: keyof typeof ACTION_SUCCESS, change: Change) {
	return async (event: RequestEvent) => {
		const sql = app().db.sql;
		const { user, row } = await requireRequestAccess(event, sql);
		const form = await event.request.formData();
		const result = await change(row.id, { user, clock: requestClock, origin: siteOrigin() }, form);
		if (!result.ok) {
			return fail(400, {
				action: name,
				message: ACTION_ERRORS[result.error] ?? 'Dat lukte niet.',
				values: { text: String(form.get('tekst') ?? '') }
			});
		}
		return { action: name, success: ACTION_SUCCESS[name] };
	};
}

const text = (form: FormData) => String(form.get('tekst') ?? '');

export const actions: Actions = {
	status: action('status', async (id, ctx, form) => {
		const to = form.get('status');
		const outcome = form.get('uitkomst') || null;
		if (!isStatus(to) || (outcome !== null && !isOutcome(outcome))) return { ok: false, error: 'invalid' };
		return changeStatus(app().db.sql, id, ctx, to, outcome);
	}),
	contact: action('contact', (id, ctx) => recordFirstContact(app().db.sql, id, ctx)),
	consent: action('consent', (id, ctx) => recordCandidateConsent(app().db.sql, id, ctx)),
	note: action('note', (id, ctx, form) => addNote(app().db.sql, id, ctx, text(form))),
	reply: action('reply', (id, ctx, form) => replyToEmployer(app().db.sql, id, ctx, text(form))),
	reassign: action('reassign', (id, ctx, form) =>
		reassignRequest(app().db.sql, id, ctx, String(form.get('collega') ?? ''))
	),
	stap: async (event) => {
		const sql = app().db.sql;
		const { user, row } = await requireRequestAccess(event, sql);
		const form = await event.request.formData();
		const values = Object.fromEntries(
			['stap', 'datum', 'plaats', 'start', 'einde', 'contract', 'reden', 'afspraken'].map((k) => [
				k,
				String(form.get(k) ?? '').slice(0, 4000)
			])
		);
		const parsed = parseStepForm(form);
		if (!parsed.ok) {
			return fail(400, {
				action: 'step',
				message: 'Verbeter de velden van de stap.',
				errors: parsed.errors,
				values
			});
		}
		const result = await recordStep(
			sql,
			row.id,
			{ user, clock: requestClock, origin: siteOrigin() },
			parsed.step
		);
		if (!result.ok) {
			return fail(400, {
				action: 'step',
				message: ACTION_ERRORS[result.error] ?? 'Dat lukte niet.',
				errors: {},
				values
			});
		}
		return { action: 'step', success: ACTION_SUCCESS.step };
	},
	contactpersoon: async (event) => {
		const sql = app().db.sql;
		const { user, row } = await requireRequestAccess(event, sql);
		const form = await event.request.formData();
		const [employer] = await sql<{ id: number }[]>`
			select employer_id::int as id from request_cases where id = ${row.caseId} and employer_id is not null`;
		if (!employer) return fail(400, { action: 'contactpersoon', message: ACTION_ERRORS.not_found });
		const result = await setAccountManager(sql, {
			employerId: employer.id,
			userId: String(form.get('contactpersoon') ?? ''),
			by: user,
			now: requestClock.now()
		});
		if (!result.ok) {
			if (result.error === 'forbidden')
				error(403, 'Alleen een coördinator kan de vaste contactpersoon kiezen.');
			return fail(400, { action: 'contactpersoon', message: ACTION_ERRORS[result.error] });
		}
		return { action: 'contactpersoon', success: ACTION_SUCCESS.contactpersoon };
	},
	taak: async (event) => {
		const sql = app().db.sql;
		const { user, row } = await requireRequestAccess(event, sql);
		const form = await event.request.formData();
		const id = Number(form.get('taak'));
		if (!Number.isSafeInteger(id) || id <= 0)
			return fail(400, { action: 'taak', message: ACTION_ERRORS.not_found });
		const [task] = await sql`select 1 from case_tasks where id = ${id} and case_id = ${row.caseId}`;
		if (!task) return fail(400, { action: 'taak', message: ACTION_ERRORS.not_found });
		const result = await completeTask(sql, user, id, requestClock.now());
		if (!result.ok) return fail(400, { action: 'taak', message: ACTION_ERRORS[result.error] });
		return { action: 'taak', success: ACTION_SUCCESS.taak };
	}
};
