import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { requestPasswordReset } from '$lib/server/auth/password-reset';
import { passwordResetLimiter } from '$lib/server/auth/rate-limit';
import { systemClock } from '$lib/server/clock';
import { emailAddress } from '$lib/server/forms/fields';
import { parseForm } from '$lib/server/forms/parse-form';
import { log } from '$lib/server/log';
import { siteOrigin } from '$lib/server/requests/links';
import type { Actions } from './$types';

const ResetRequestSchema = v.object({ email: emailAddress('naam@gemeente.nl') });

export const actions: Actions = {
	aanvragen: async (event) => {
		const form = parseForm(ResetRequestSchema, await event.request.formData());
		if (!form.ok) return fail(400, form.failure);
		const { email } = form.data;
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
