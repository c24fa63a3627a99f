import { fail, redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { setSessionTokenCookie } from '$lib/server/auth/cookie';
import { INVALID_LOGIN_MESSAGE, logIn } from '$lib/server/auth/login';
import { loginLimiter, retryMessage } from '$lib/server/auth/rate-limit';
import { homeFor, safeRedirectTarget } from '$lib/server/auth/redirect';
import { systemClock } from '$lib/server/clock';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const terug = url.searchParams.get('terug');
	if (locals.user) redirect(303, safeRedirectTarget(terug, homeFor(locals.user.role)));
	return { terug: safeRedirectTarget(terug, ''), loggedOut: url.searchParams.has('uitgelogd') };
};

export const actions: Actions = {
	login: async (event) => {
		const data = await event.request.formData();
		const email = String(data.get('email') ?? '').trim();
		const password = String(data.get('password') ?? '');
		const terug = String(data.get('terug') ?? '');
		if (!email || !password) {
			return fail(400, { message: 'Vul uw e-mailadres en wachtwoord in.', email });
		}
		const result = await logIn(app().db.sql, systemClock, loginLimiter, {
			email,
			password,
			clientAddress: event.getClientAddress()
		});
		if (!result.ok) {
			const message = result.reason === 'throttled' ? retryMessage(result.retryAt) : INVALID_LOGIN_MESSAGE;
			return fail(result.reason === 'throttled' ? 429 : 400, { message, email });
		}
		setSessionTokenCookie(event, result.token, result.session.expiresAt);
		redirect(303, safeRedirectTarget(terug, homeFor(result.user.role)));
	}
};
