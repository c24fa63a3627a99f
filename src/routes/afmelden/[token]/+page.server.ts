import { fail } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { formFailure } from '$lib/server/forms/parse-form';
import { findUnsubscribeTarget, unsubscribe } from '$lib/server/saved-searches/unsubscribe';
import type { Actions, PageServerLoad } from './$types';

// Opening the link only shows a button: mail filters open links to scan them.
export const load: PageServerLoad = async ({ params }) => ({
	target: await findUnsubscribeTarget(app().db.sql, params.token)
});

/**
 * The default action, so the page's button and an RFC 8058 one-click POST
 * (`List-Unsubscribe=One-Click` to this same URL) are handled alike. No log-in needed: the link is the key.
 */
export const actions: Actions = {
	default: async ({ params }) => {
		const done = await unsubscribe(app().db.sql, params.token);
		if (!done) return fail(404, formFailure({}, {}, { message: 'Deze link werkt niet meer.' }));
		return { done: true };
	}
};
