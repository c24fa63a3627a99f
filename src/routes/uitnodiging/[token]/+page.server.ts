import { fail, redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { roleLabels } from '$lib/server/auth/auth-mail';
import { setSessionTokenCookie } from '$lib/server/auth/cookie';
import { acceptInvitation, getOpenInvitation } from '$lib/server/auth/invitation';
import { homeFor } from '$lib/server/auth/redirect';
import { createSession } from '$lib/server/auth/session';
import { getUserById } from '$lib/server/auth/user';
import { systemClock } from '$lib/server/clock';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const invitation = await getOpenInvitation(app().db.sql, systemClock, params.token);
	return {
		invitation: invitation && {
			email: invitation.email,
			role: roleLabels[invitation.role],
			regionName: invitation.regionName
		}
	};
};

export const actions: Actions = {
	accept: async (event) => {
		const data = await event.request.formData();
		const name = String(data.get('name') ?? '');
		const password = String(data.get('password') ?? '');
		if (password !== String(data.get('confirm') ?? '')) {
			return fail(400, { field: 'confirm', message: 'De twee wachtwoorden zijn niet hetzelfde.', name });
		}
		const { sql } = app().db;
		const result = await acceptInvitation(sql, systemClock, { token: event.params.token, name, password });
		if (!result.ok) {
			if (result.reason === 'invalid-token') {
				return fail(400, { field: 'token', message: 'Deze uitnodiging werkt niet meer.', name });
			}
			const field = result.reason === 'invalid-name' ? 'name' : 'password';
			return fail(400, { field, message: result.message, name });
		}
		const user = await getUserById(sql, result.userId);
		const { token, session } = await createSession(sql, systemClock, result.userId);
		setSessionTokenCookie(event, token, session.expiresAt);
		redirect(303, homeFor(user!.role));
	}
};
