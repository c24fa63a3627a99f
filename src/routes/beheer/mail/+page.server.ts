import { fail } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guard';
import { listUndelivered, retryMail } from '$lib/server/mail/outbox';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireUser(event, 'admin');
	return { messages: await listUndelivered(app().db.sql) };
};

export const actions: Actions = {
	retry: async (event) => {
		requireUser(event, 'admin');
		const data = await event.request.formData();
		const ok = await retryMail(app().db.sql, String(data.get('id') ?? ''));
		return ok
			? { retried: true }
			: fail(400, { message: 'Dit bericht wordt al verstuurd of is al verstuurd.' });
	}
};
