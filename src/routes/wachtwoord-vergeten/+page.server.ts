import { fail } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { requestPasswordReset } from '$lib/server/auth/password-reset';
import { passwordResetLimiter } from '$lib/server/auth/rate-limit';
import { systemClock } from '$lib/server/clock';
import { log } from '$lib/server/log';
import { siteOrigin } from '$lib/server/requests/links';
import type { Actions } from './$types';

export const actions: Actions = {
	request: async (event) => {
		const data = await event.request.formData();
		const email = String(data.get('email') ?? '').trim();
		if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
			return fail(400, { message: 'Vul uw e-mailadres in, zoals naam@gemeente.nl.', email });
		}
		// The limits count every request alike, known address or not; the lookup, the link and the mail
		// happen after the answer, so neither the answer nor its timing tells who has an account.
		if (await passwordResetLimiter.allow(event.getClientAddress(), email)) {
			const { sql } = app().db;
			setImmediate(() => {
				requestPasswordReset(sql, systemClock, { email, origin: siteOrigin() }).catch((error: unknown) =>
					log.error({ err: error }, 'password reset request failed')
				);
			});
		}
		return { sent: true };
	}
};
