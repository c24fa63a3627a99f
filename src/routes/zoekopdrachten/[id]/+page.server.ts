import { error, fail, redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guard';
import { systemClock } from '$lib/server/clock';
import { log } from '$lib/server/log';
import { MAX_PROFILES } from '$lib/server/requests/interest-form';
import { savedSearchResults } from '$lib/server/saved-searches/results';
import { checkName, frequencyLabels, isFrequency } from '$lib/server/saved-searches/saved-search-name';
import { searchLink } from '$lib/server/saved-searches/saved-search-query';
import {
	deleteSavedSearch,
	getSavedSearch,
	markViewed,
	renameSavedSearch,
	setAlertFrequency
} from '$lib/server/saved-searches/saved-search-store';
import { searchEngine } from '$lib/server/search/search-service';
import type { Actions, PageServerLoad } from './$types';

// Someone else's search answers exactly like a missing one, so ids reveal nothing.
const NOT_FOUND = 'Deze zoekopdracht bestaat niet (meer).';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event, 'intermediair');
	const { sql } = app().db;
	const search = await getSavedSearch(sql, user.id, event.params.id);
	if (!search) error(404, NOT_FOUND);
	let results: Awaited<ReturnType<typeof savedSearchResults>> | null = null;
	try {
		results = await savedSearchResults(sql, searchEngine(), search, systemClock.now());
	} catch (err) {
		log.warn({ err, requestId: event.locals.requestId }, 'saved search results unavailable');
	}
	// Marked after reading, so this visit still shows what was new.
	await markViewed(sql, systemClock, { userId: user.id, id: search.id });
	return {
		search: {
			id: search.id,
			name: search.name,
			href: searchLink(search.query),
			alertFrequency: search.alertFrequency
		},
		results,
		frequencies: Object.entries(frequencyLabels).map(([value, label]) => ({ value, label })),
		maxSelection: MAX_PROFILES,
		justSaved: event.url.searchParams.has('bewaard'),
		confirmDelete: event.url.searchParams.has('verwijderen')
	};
};

export const actions: Actions = {
	hernoem: async (event) => {
		const user = requireUser(event, 'intermediair');
		const data = await event.request.formData();
		const values = { naam: String(data.get('naam') ?? '') };
		const name = checkName(values.naam);
		if (!name.ok) {
			return fail(400, { hernoem: { message: name.message, errors: { naam: name.message }, values } });
		}
		const done = await renameSavedSearch(app().db.sql, {
			userId: user.id,
			id: event.params.id,
			name: name.name
		});
		if (!done) error(404, NOT_FOUND);
		return { hernoem: { done: true } };
	},

	meldingen: async (event) => {
		const user = requireUser(event, 'intermediair');
		const data = await event.request.formData();
		const frequency = String(data.get('frequentie') ?? '');
		if (!isFrequency(frequency)) {
			const message = 'Kies hoe vaak u een e-mail wilt krijgen.';
			return fail(400, { meldingen: { message, errors: { frequentie: message }, values: { frequency } } });
		}
		const done = await setAlertFrequency(app().db.sql, systemClock, {
			userId: user.id,
			id: event.params.id,
			frequency
		});
		if (!done) error(404, NOT_FOUND);
		return { meldingen: { done: true } };
	},

	verwijder: async (event) => {
		const user = requireUser(event, 'intermediair');
		const done = await deleteSavedSearch(app().db.sql, { userId: user.id, id: event.params.id });
		if (!done) error(404, NOT_FOUND);
		redirect(303, '/zoekopdrachten?verwijderd');
	}
};
