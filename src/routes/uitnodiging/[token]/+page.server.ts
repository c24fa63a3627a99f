import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { roleLabels } from '$lib/server/auth/auth-mail';
import { setSessionTokenCookie } from '$lib/server/auth/cookie';
import { acceptInvitation, getOpenInvitation } from '$lib/server/auth/invitation';
import { homeFor } from '$lib/server/auth/redirect';
import { createSession } from '$lib/server/auth/session';
import { getUserById } from '$lib/server/auth/user';
import { systemClock } from '$lib/server/clock';
import { password, requiredText, samePassword } from '$lib/server/forms/fields';
import { parseForm, refusalFailure } from '$lib/server/forms/parse-form';
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

const AcceptSchema = v.object({
	naam: requiredText(100, 'Vul uw naam in (2 tot 100 tekens).', 'Vul uw naam in (2 tot 100 tekens).'),
	wachtwoord: password('Kies een wachtwoord.'),
	herhaling: v.string()
});
const conceal: ['wachtwoord', 'herhaling'] = ['wachtwoord', 'herhaling'];

export const actions: Actions = {
	aanmaken: async (event) => {
		const form = parseForm(AcceptSchema, await event.request.formData(), {
			conceal,
			check: (values) => ({ herhaling: samePassword(values.wachtwoord, values.herhaling) })
		});
		if (!form.ok) return fail(400, form.failure);
		const { sql } = app().db;
		const result = await acceptInvitation(sql, systemClock, {
			token: event.params.token,
			name: form.data.naam,
			password: form.data.wachtwoord
		});
		if (!result.ok) return fail(400, refusalFailure(form.values, result, { conceal }));
		const user = await getUserById(sql, result.userId);
		const { token, session } = await createSession(sql, systemClock, result.userId);
		setSessionTokenCookie(event, token, session.expiresAt);
		redirect(303, homeFor(user!.role));
	}
};
