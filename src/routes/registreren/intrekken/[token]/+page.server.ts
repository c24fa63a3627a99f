import { fail } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { formFailure } from '$lib/server/forms/parse-form';
import { systemClock } from '$lib/server/clock';
import { isVerificationTokenValid, withdrawRegistration } from '$lib/server/registration/email-verification';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => ({
	valid: await isVerificationTokenValid(app().db.sql, systemClock, params.token, 'intrekken')
});

export const actions: Actions = {
	intrekken: async ({ params }) => {
		const done = await withdrawRegistration(app().db.sql, systemClock, params.token);
		if (!done) return fail(400, formFailure({}, {}, { message: 'Deze link werkt niet meer.' }));
		return { done: true };
	}
};
