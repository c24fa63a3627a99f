import { fail, redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { homeFor } from '$lib/server/auth/redirect';
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
	registreer: async (event) => {
		const parsed = parseRegistration(await event.request.formData());
		if (!parsed.ok) {
			const { message, errors, values } = parsed;
			return fail(400, { message, errors, values });
		}
		const allowed = await registrationLimiter.consume(event.getClientAddress(), parsed.values.email);
		if (!allowed) return fail(429, { message: THROTTLED_MESSAGE, errors: {}, values: parsed.values });
		await registerIntermediary(app().db.sql, systemClock, parsed.registration, siteOrigin());
		redirect(303, '/registreren?verzonden');
	}
};
