import { fail } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { requestPasswordReset } from '$lib/server/auth/password-reset';
import { systemClock } from '$lib/server/clock';
import type { Actions } from './$types';

export const actions: Actions = {
	request: async ({ request, url }) => {
		const data = await request.formData();
		const email = String(data.get('email') ?? '').trim();
		if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
			return fail(400, { message: 'Vul uw e-mailadres in, zoals naam@gemeente.nl.', email });
		}
		await requestPasswordReset(app().db.sql, systemClock, { email, origin: url.origin });
		// The same answer for every address: this page must not tell who has an account.
		return { sent: true };
	}
};
