import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { deleteSessionTokenCookie } from '$lib/server/auth/cookie';
import { requireUser } from '$lib/server/auth/guard';
import { checkbox, password } from '$lib/server/forms/fields';
import { parseForm, refusalFailure } from '$lib/server/forms/parse-form';
import { deleteOwnAccount } from '$lib/server/registration/account-deletion';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event, 'intermediair');
	return { email: user.email };
};

const DeletionSchema = v.object({ bevestig: checkbox(), wachtwoord: password() });

export const actions: Actions = {
	verwijderen: async (event) => {
		const user = requireUser(event, 'intermediair');
		const form = parseForm(DeletionSchema, await event.request.formData(), { conceal: ['wachtwoord'] });
		if (!form.ok) return fail(400, form.failure);
		const result = await deleteOwnAccount(app().db.sql, {
			user,
			password: form.data.wachtwoord,
			confirmed: form.data.bevestig
		});
		if (!result.ok) return fail(400, refusalFailure(form.values, result, { conceal: ['wachtwoord'] }));
		deleteSessionTokenCookie(event);
		redirect(303, '/account/gegevens/verwijderd');
	}
};
