import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { setSessionTokenCookie } from '$lib/server/auth/cookie';
import { logIn } from '$lib/server/auth/login';
import { loginLimiter } from '$lib/server/auth/rate-limit';
import { homeFor, safeRedirectTarget } from '$lib/server/auth/redirect';
import { systemClock } from '$lib/server/clock';
import { password, requiredText } from '$lib/server/forms/fields';
import { parseForm, refusalFailure } from '$lib/server/forms/parse-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const terug = url.searchParams.get('terug');
	if (locals.user) redirect(303, safeRedirectTarget(terug, homeFor(locals.user.role)));
	return { terug: safeRedirectTarget(terug, ''), loggedOut: url.searchParams.has('uitgelogd') };
};

// No address check beyond "filled in": a typo simply does not match an account, with the same answer.
const LoginSchema = v.object({
	email: requiredText(254, 'Vul uw e-mailadres in.', 'Dit e-mailadres is te lang.'),
	wachtwoord: password(),
	terug: v.pipe(v.string(), v.maxLength(2000))
});

export const actions: Actions = {
	inloggen: async (event) => {
		const form = parseForm(LoginSchema, await event.request.formData(), { conceal: ['wachtwoord'] });
		if (!form.ok) return fail(400, form.failure);
		const { email, wachtwoord, terug } = form.data;
		const result = await logIn(app().db.sql, systemClock, loginLimiter, {
			email,
			password: wachtwoord,
			clientAddress: event.getClientAddress()
		});
		if (!result.ok) {
			const failure = refusalFailure(form.values, result, { conceal: ['wachtwoord'] });
			return fail(result.reason === 'throttled' ? 429 : 400, failure);
		}
		setSessionTokenCookie(event, result.token, result.session.expiresAt);
		redirect(303, safeRedirectTarget(terug, homeFor(result.user.role)));
	}
};
