import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guard';
import { systemClock } from '$lib/server/clock';
import { parseForm } from '$lib/server/forms/parse-form';
import { log } from '$lib/server/log';
import { MAX_PROFILES } from '$lib/server/requests/interest-form';
import { savedSearchResults } from '$lib/server/saved-searches/results';
import { frequency, frequencyLabels, searchName } from '$lib/server/saved-searches/saved-search-name';
import { searchLink } from '$lib/server/saved-searches/saved-search-query';
import {
	deleteSavedSearch,
	getSavedSearch,
	markViewed,
	renameSavedSearch,
	setAlertFrequency
} from '$lib/server/saved-searches/saved-search-store';
import { searchEngine } from '$lib/server/search-service/search-service';
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

const RenameSchema = v.object({ naam: searchName() });
const AlertSchema = v.object({ frequentie: frequency() });

export const actions: Actions = {
	hernoemen: async (event) => {
		const user = requireUser(event, 'intermediair');
		const form = parseForm(RenameSchema, await event.request.formData(), { action: 'hernoemen' });
		if (!form.ok) return fail(400, form.failure);
		const done = await renameSavedSearch(app().db.sql, {
			userId: user.id,
			id: event.params.id,
			name: form.data.naam
		});
		if (!done) error(404, NOT_FOUND);
		return { done: 'hernoemen' };
	},

	meldingenInstellen: async (event) => {
		const user = requireUser(event, 'intermediair');
		const form = parseForm(AlertSchema, await event.request.formData(), { action: 'meldingenInstellen' });
		if (!form.ok) return fail(400, form.failure);
		const done = await setAlertFrequency(app().db.sql, systemClock, {
			userId: user.id,
			id: event.params.id,
			frequency: form.data.frequentie
		});
		if (!done) error(404, NOT_FOUND);
		return { done: 'meldingenInstellen' };
	},

	verwijderen: async (event) => {
		const user = requireUser(event, 'intermediair');
		const done = await deleteSavedSearch(app().db.sql, { userId: user.id, id: event.params.id });
		if (!done) error(404, NOT_FOUND);
		redirect(303, '/zoekopdrachten?verwijderd');
	}
};
