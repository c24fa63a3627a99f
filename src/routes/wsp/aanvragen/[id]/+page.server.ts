import { error, fail, type RequestEvent } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { optionalId, recordId } from '$lib/server/forms/fields';
import { formFailure, parseForm, type FormSchema, type FormValues } from '$lib/server/forms/parse-form';
import { oneRegion } from '$lib/server/auth/scope';
import { ACTION_ERRORS, ACTION_SUCCESS } from '$lib/server/requests/action-messages';
import { refuseAction, type ChangeContext } from '$lib/server/requests/change';
import type { Outcome, Refusal } from '$lib/server/result';
import { addNote, replyToEmployer } from '$lib/server/requests/conversation';
import { getRequestDetail } from '$lib/server/requests/detail';
import { OUTCOMES, STATUSES } from '$lib/server/requests/labels';
import { setAccountManager } from '$lib/server/requests/employers';
import { reassignRequest } from '$lib/server/requests/reassign';
import { requestClock } from '$lib/server/requests/request-clock';
import { getRequestSettings } from '$lib/server/requests/settings';
import { parseStepForm, recordStep } from '$lib/server/requests/steps';

const STEP_MESSAGE = 'Verbeter de velden van de stap.';
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

type Change<S extends FormSchema> = (
	id: number,
	ctx: ChangeContext,
	data: v.InferOutput<S>
) => Promise<Outcome>;

const failed = <S extends FormSchema>(action: string, values: FormValues<S>, refusal: Refusal) =>
	formFailure<S>(values, {}, { action, message: refusal.message });

/** Every action: the same access gate as the page, the form checked, one domain call, Dutch feedback. */
function action<S extends FormSchema>(name: keyof typeof ACTION_SUCCESS, schema: S, change: Change<S>) {
	return async (event: RequestEvent) => {
		const sql = app().db.sql;
		const { user, row } = await requireRequestAccess(event, sql);
		const form = parseForm(schema, await event.request.formData(), { action: name });
		if (!form.ok) return fail(400, form.failure);
		const result = await change(row.id, { user, clock: requestClock, origin: siteOrigin() }, form.data);
		if (!result.ok) return fail(400, failed(name, form.values, result));
		return { action: name, success: ACTION_SUCCESS[name] };
	};
}

// Length is the domain's check (with its own message); this only keeps a huge post a 400.
const Text = v.object({ tekst: v.pipe(v.string(), v.maxLength(100_000, ACTION_ERRORS.too_long)) });
const Nothing = v.object({});
const Status = v.object({
	status: v.picklist(STATUSES, ACTION_ERRORS.invalid),
	uitkomst: v.picklist(['', ...OUTCOMES], ACTION_ERRORS.invalid)
});
const Colleague = v.object({ collega: recordId(ACTION_ERRORS.not_in_team) });
const Step = v.object(
	Object.fromEntries(
		['stap', 'datum', 'plaats', 'start', 'einde', 'contract', 'reden', 'afspraken'].map((k) => [
			k,
			v.pipe(v.string(), v.maxLength(4000, 'Maximaal 4000 tekens.'))
		])
	)
);
const Contact = v.object({ contactpersoon: optionalId(ACTION_ERRORS.not_in_team) });
const Task = v.object({ taak: v.pipe(v.string(), v.regex(/^[1-9]\d{0,14}$/, ACTION_ERRORS.not_found)) });

export const actions: Actions = {
	status: action('status', Status, (id, ctx, data) =>
		changeStatus(app().db.sql, id, ctx, data.status, data.uitkomst || null)
	),
	eersteContact: action('eersteContact', Nothing, (id, ctx) => recordFirstContact(app().db.sql, id, ctx)),
	toestemming: action('toestemming', Nothing, (id, ctx) => recordCandidateConsent(app().db.sql, id, ctx)),
	notitie: action('notitie', Text, (id, ctx, data) => addNote(app().db.sql, id, ctx, data.tekst)),
	antwoord: action('antwoord', Text, (id, ctx, data) => replyToEmployer(app().db.sql, id, ctx, data.tekst)),
	overdragen: action('overdragen', Colleague, (id, ctx, data) =>
		reassignRequest(app().db.sql, id, ctx, data.collega)
	),
	stap: async (event) => {
		const sql = app().db.sql;
		const { user, row } = await requireRequestAccess(event, sql);
		const data = await event.request.formData();
		const form = parseForm(Step, data, { action: 'stap' });
		if (!form.ok) return fail(400, form.failure);
		const parsed = parseStepForm(data);
		if (!parsed.ok) {
			return fail(400, formFailure(form.values, parsed.errors, { action: 'stap', message: STEP_MESSAGE }));
		}
		const result = await recordStep(
			sql,
			row.id,
			{ user, clock: requestClock, origin: siteOrigin() },
			parsed.step
		);
		if (!result.ok) return fail(400, failed('stap', form.values, result));
		return { action: 'stap', success: ACTION_SUCCESS.stap };
	},
	contactpersoon: async (event) => {
		const sql = app().db.sql;
		const { user, row } = await requireRequestAccess(event, sql);
		const form = parseForm(Contact, await event.request.formData(), { action: 'contactpersoon' });
		if (!form.ok) return fail(400, form.failure);
		const [employer] = await sql<{ id: number }[]>`
			select employer_id::int as id from request_cases where id = ${row.caseId} and employer_id is not null`;
		if (!employer) return fail(400, failed('contactpersoon', form.values, refuseAction('not_found')));
		const result = await setAccountManager(sql, {
			employerId: employer.id,
			userId: form.data.contactpersoon,
			by: user,
			now: requestClock.now()
		});
		if (!result.ok) {
			if (result.reason === 'forbidden')
				error(403, 'Alleen een coördinator kan de vaste contactpersoon kiezen.');
			return fail(400, failed('contactpersoon', form.values, result));
		}
		return { action: 'contactpersoon', success: ACTION_SUCCESS.contactpersoon };
	},
	taak: async (event) => {
		const sql = app().db.sql;
		const { user, row } = await requireRequestAccess(event, sql);
		const form = parseForm(Task, await event.request.formData(), { action: 'taak' });
		if (!form.ok) return fail(400, form.failure);
		const id = Number(form.data.taak);
		const [task] = await sql<
			{ found: number }[]
		>`select 1 as found from case_tasks where id = ${id} and case_id = ${row.caseId}`;
		if (!task) return fail(400, failed('taak', form.values, refuseAction('not_found')));
		const result = await completeTask(sql, user, id, requestClock.now());
		if (!result.ok) return fail(400, failed('taak', form.values, result));
		return { action: 'taak', success: ACTION_SUCCESS.taak };
	}
};
