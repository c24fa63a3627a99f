import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guard';
import { recordId } from '$lib/server/forms/fields';
import { formFailure, parseForm } from '$lib/server/forms/parse-form';
import { listUndelivered, retryMail } from '$lib/server/mail/outbox';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireUser(event, 'admin');
	return { messages: await listUndelivered(app().db.sql) };
};

const NOT_WAITING = 'Dit bericht wordt al verstuurd of is al verstuurd.';
const RetrySchema = v.object({ bericht: recordId(NOT_WAITING) });

export const actions: Actions = {
	opnieuw: async (event) => {
		requireUser(event, 'admin');
		const form = parseForm(RetrySchema, await event.request.formData(), { message: NOT_WAITING });
		if (!form.ok) return fail(400, form.failure);
		const ok = await retryMail(app().db.sql, form.data.bericht);
		return ok ? { retried: true } : fail(400, formFailure(form.values, {}, { message: NOT_WAITING }));
	}
};
