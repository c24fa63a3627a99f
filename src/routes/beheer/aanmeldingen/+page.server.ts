import { error, fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guard';
import { systemClock } from '$lib/server/clock';
import { recordId } from '$lib/server/forms/fields';
import { formFailure, parseForm } from '$lib/server/forms/parse-form';
import {
	approveRegistration,
	canDecideRegistrations,
	listPendingRegistrations,
	refuseRegistration
} from '$lib/server/registration/approval';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { siteOrigin } from '$lib/server/requests/links';

function requireApprover(event: RequestEvent) {
	const user = requireUser(event, 'admin', 'wsp');
	if (!canDecideRegistrations(user)) error(403, 'U hebt geen toegang tot deze pagina.');
	return user;
}

export const load: PageServerLoad = async (event) => {
	requireApprover(event);
	return { pending: await listPendingRegistrations(app().db.sql) };
};

const GONE = 'Deze aanmelding bestaat niet meer of is al beoordeeld.';
const DecisionSchema = v.object({ gebruiker: recordId(GONE) });

export const actions: Actions = {
	goedkeuren: async (event) => {
		const by = requireApprover(event);
		const form = parseForm(DecisionSchema, await event.request.formData(), { message: GONE });
		if (!form.ok) return fail(400, form.failure);
		const userId = form.data.gebruiker;
		const result = await approveRegistration(app().db.sql, systemClock, {
			userId,
			by,
			origin: siteOrigin()
		});
		if (!result.ok) return fail(400, formFailure(form.values, {}, { message: result.message }));
		return { done: 'approved' as const };
	},

	afwijzen: async (event) => {
		const by = requireApprover(event);
		const form = parseForm(DecisionSchema, await event.request.formData(), { message: GONE });
		if (!form.ok) return fail(400, form.failure);
		const userId = form.data.gebruiker;
		const result = await refuseRegistration(app().db.sql, { userId, by });
		if (!result.ok) return fail(400, formFailure(form.values, {}, { message: result.message }));
		return { done: 'refused' as const };
	}
};
