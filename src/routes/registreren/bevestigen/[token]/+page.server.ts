import { fail } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { formFailure } from '$lib/server/forms/parse-form';
import { systemClock } from '$lib/server/clock';
import { isVerificationTokenValid, verifyEmail } from '$lib/server/registration/email-verification';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => ({
	valid: await isVerificationTokenValid(app().db.sql, systemClock, params.token)
});

export const actions: Actions = {
	bevestigen: async ({ params }) => {
		const done = await verifyEmail(app().db.sql, systemClock, params.token);
		if (!done) return fail(400, formFailure({}, {}, { message: 'Deze link werkt niet meer.' }));
		return { done: true };
	}
};
