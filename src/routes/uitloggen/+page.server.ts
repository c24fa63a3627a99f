import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { deleteSessionTokenCookie } from '$lib/server/auth/cookie';
import { invalidateSession } from '$lib/server/auth/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({ loggedIn: locals.user !== null });

// A default action: the log-out button in the site header posts here without an action name.
export const actions: Actions = {
	default: async (event) => {
		if (event.locals.session) await invalidateSession(app().db.sql, event.locals.session.id);
		deleteSessionTokenCookie(event);
		redirect(303, '/inloggen?uitgelogd');
	}
};
