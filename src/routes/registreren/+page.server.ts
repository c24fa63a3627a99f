import { fail, redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { homeFor } from '$lib/server/auth/redirect';
import { formFailure } from '$lib/server/forms/parse-form';
import { systemClock } from '$lib/server/clock';
import { registerIntermediary } from '$lib/server/registration/register-intermediary';
import { parseRegistration } from '$lib/server/registration/registration-form';
import { registrationLimiter, THROTTLED_MESSAGE } from '$lib/server/registration/registration-limiter';
import type { Actions, PageServerLoad } from './$types';
import { siteOrigin } from '$lib/server/requests/links';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, homeFor(locals.user.role));
	return { sent: url.searchParams.has('verzonden') };
};

export const actions: Actions = {
	registreren: async (event) => {
		const parsed = parseRegistration(await event.request.formData());
		if (!parsed.ok) return fail(400, parsed.failure);
		const { registration } = parsed;
		const allowed = await registrationLimiter.allow(event.getClientAddress(), registration.email);
		if (!allowed) {
			const failure = formFailure(parsed.values, {}, { message: THROTTLED_MESSAGE, conceal: ['wachtwoord'] });
			return fail(429, failure);
		}
		await registerIntermediary(app().db.sql, systemClock, registration, siteOrigin());
		redirect(303, '/registreren?verzonden');
	}
};
