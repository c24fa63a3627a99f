import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guard';
import { systemClock } from '$lib/server/clock';
import { formFailure, parseForm, refusalFailure } from '$lib/server/forms/parse-form';
import { log } from '$lib/server/log';
import { SAVING_MESSAGES, savingStatus } from '$lib/server/saved-searches/eligibility';
import { countSavedSearches } from '$lib/server/saved-searches/overview';
import { NAME_MAX, optionalSearchName } from '$lib/server/saved-searches/saved-search-name';
import {
	normaliseSearchQuery,
	searchLink,
	searchStateOf,
	suggestedName
} from '$lib/server/saved-searches/saved-search-query';
import { createSavedSearch, listSavedSearches } from '$lib/server/saved-searches/saved-search-store';
import { searchEngine } from '$lib/server/search-service/search-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event, 'intermediair');
	const { sql } = app().db;
	const status = await savingStatus(sql, user.id);
	const searches = await listSavedSearches(sql, user.id);
	let counts: Awaited<ReturnType<typeof countSavedSearches>> | null = null;
	try {
		counts = await countSavedSearches(sql, searchEngine(), searches, systemClock.now());
	} catch (err) {
		log.warn({ err, requestId: event.locals.requestId }, 'saved search counts unavailable');
	}
	return {
		waiting: status === 'allowed' ? null : SAVING_MESSAGES[status],
		saved: event.url.searchParams.has('verwijderd') ? 'deleted' : null,
		searches: searches.map((s) => ({
			id: s.id,
			name: s.name,
			href: searchLink(s.query),
			alertFrequency: s.alertFrequency,
			total: counts?.get(s.id)?.total ?? null,
			newSinceViewed: counts?.get(s.id)?.newSinceViewed ?? null
		}))
	};
};

const SaveSchema = v.object({
	zoekopdracht: v.pipe(v.string(), v.maxLength(4000, 'Deze zoekopdracht is te lang om te bewaren.')),
	naam: optionalSearchName()
});

export const actions: Actions = {
	/** Posted from /kandidaten: keeps the search that is on screen. */
	bewaren: async (event) => {
		const user = requireUser(event, 'intermediair');
		const { sql } = app().db;
		const form = parseForm(SaveSchema, await event.request.formData());
		if (!form.ok) return fail(400, form.failure);
		const query = normaliseSearchQuery(form.data.zoekopdracht);
		const status = await savingStatus(sql, user.id);
		if (status !== 'allowed')
			return fail(400, formFailure(form.values, {}, { message: SAVING_MESSAGES[status] }));
		const name = form.data.naam || suggestedName(searchStateOf(query)).slice(0, NAME_MAX);
		const created = await createSavedSearch(sql, systemClock, { userId: user.id, name, query });
		if (!created.ok) return fail(400, refusalFailure(form.values, created));
		redirect(303, `/zoekopdrachten/${created.search.id}?bewaard`);
	}
};
