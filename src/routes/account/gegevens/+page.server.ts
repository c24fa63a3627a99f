import { fail, redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { deleteSessionTokenCookie } from '$lib/server/auth/cookie';
import { requireUser } from '$lib/server/auth/guard';
import { deleteOwnAccount } from '$lib/server/registration/account-deletion';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event, 'intermediair');
	return { email: user.email };
};

export const actions: Actions = {
	verwijder: async (event) => {
		const user = requireUser(event, 'intermediair');
		const data = await event.request.formData();
		const confirmed = data.get('bevestig') === 'ja';
		const result = await deleteOwnAccount(app().db.sql, {
			user,
			password: String(data.get('wachtwoord') ?? ''),
			confirmed
		});
		if (!result.ok) {
			return fail(400, {
				message: result.message,
				errors: { [result.field]: result.message },
				values: { bevestig: confirmed }
			});
		}
		deleteSessionTokenCookie(event);
		redirect(303, '/account/gegevens/verwijderd');
	}
};
