import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { isPasswordResetTokenValid, resetPassword } from '$lib/server/auth/password-reset';
import { systemClock } from '$lib/server/clock';
import { password, samePassword } from '$lib/server/forms/fields';
import { parseForm, refusalFailure } from '$lib/server/forms/parse-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => ({
	valid: await isPasswordResetTokenValid(app().db.sql, systemClock, params.token)
});

const NewPasswordSchema = v.object({
	wachtwoord: password('Kies een nieuw wachtwoord.'),
	herhaling: v.string()
});
const conceal: ['wachtwoord', 'herhaling'] = ['wachtwoord', 'herhaling'];

export const actions: Actions = {
	opslaan: async ({ request, params }) => {
		const form = parseForm(NewPasswordSchema, await request.formData(), {
			conceal,
			check: (values) => ({ herhaling: samePassword(values.wachtwoord, values.herhaling) })
		});
		if (!form.ok) return fail(400, form.failure);
		const result = await resetPassword(app().db.sql, systemClock, {
			token: params.token,
			password: form.data.wachtwoord
		});
		if (!result.ok) return fail(400, refusalFailure(form.values, result, { conceal }));
		return { done: true };
	}
};
