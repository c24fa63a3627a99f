import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { systemClock } from '$lib/server/clock';
import { ACTION_ERRORS, ACTION_SUCCESS } from '$lib/server/requests/action-messages';
import type { ChangeContext } from '$lib/server/requests/change';
import { addNote, replyToEmployer } from '$lib/server/requests/conversation';
import { getRequestDetail } from '$lib/server/requests/detail';
import { isOutcome, isStatus } from '$lib/server/requests/labels';
import { reassignRequest } from '$lib/server/requests/reassign';
import { recordRequestView, requireRequestAccess } from '$lib/server/requests/staff-access';
import { changeStatus, recordCandidateConsent, recordFirstContact } from '$lib/server/requests/workflow';
import type { Actions, PageServerLoad } from './$types';
import { siteOrigin } from '$lib/server/requests/links';

export const load: PageServerLoad = async (event) => {
	const sql = app().db.sql;
	const { user, row } = await requireRequestAccess(event, sql);
	const detail = await getRequestDetail(sql, row.id, systemClock.now());
	if (!detail) error(404, 'Deze aanvraag bestaat niet.');
	await recordRequestView(sql, user, row.id);
	return { request: detail };
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
		const result = await change(row.id, { user, clock: systemClock, origin: siteOrigin() }, form);
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
	)
};
