import { fail, redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { requestClock } from '$lib/server/requests/request-clock';
import {
	challengeFor,
	loadSelection,
	processInterestForm,
	selectedRefs
} from '$lib/server/requests/interest-form';
import type { Actions, PageServerLoad } from './$types';
import { siteOrigin } from '$lib/server/requests/links';

export const load: PageServerLoad = async (event) => {
	const refs = selectedRefs(event.url.searchParams.getAll('kandidaat'));
	return {
		selection: await loadSelection(app().db.sql, refs),
		// The workplace of the search the employer came from fills in "Waar is het werk?".
		workLocation: (event.url.searchParams.get('werkplek') ?? '')
			.replace(/[\p{Cc}]/gu, '')
			.trim()
			.slice(0, 80),
		challenge: await challengeFor(app().db.sql, event.getClientAddress())
	};
};

export const actions: Actions = {
	versturen: async (event) => {
		const outcome = await processInterestForm(app().db.sql, await event.request.formData(), {
			address: event.getClientAddress(),
			origin: siteOrigin(),
			clock: requestClock
		});
		if (!outcome.ok) {
			const { message, errors, values, challenge } = outcome;
			return fail(400, { message, errors, values, challenge });
		}
		redirect(303, `/aanvraag/${outcome.token}?verzonden=1`);
	}
};
