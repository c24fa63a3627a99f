import { fail } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { isPasswordResetTokenValid, resetPassword } from '$lib/server/auth/password-reset';
import { systemClock } from '$lib/server/clock';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => ({
	valid: await isPasswordResetTokenValid(app().db.sql, systemClock, params.token)
});

export const actions: Actions = {
	reset: async ({ request, params }) => {
		const data = await request.formData();
		const password = String(data.get('password') ?? '');
		if (password !== String(data.get('confirm') ?? '')) {
			return fail(400, { message: 'De twee wachtwoorden zijn niet hetzelfde.' });
		}
		const result = await resetPassword(app().db.sql, systemClock, { token: params.token, password });
		if (!result.ok) {
			return fail(400, {
				message: result.reason === 'weak-password' ? result.message : 'Deze link werkt niet meer.'
			});
		}
		return { done: true };
	}
};
