import { error } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { log } from '$lib/server/log';
import { runPageSearch } from '$lib/server/search-service/run-page-search';
import { searchStateFromParams } from '$lib/search-page/search-state';
import { selectionFromParams } from '$lib/search-page/selection';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const state = searchStateFromParams(url.searchParams);
	try {
		const search = await runPageSearch(app().db.sql, state);
		return {
			state,
			...search,
			selection: selectionFromParams(url.searchParams),
			canSave: locals.user?.role === 'intermediair'
		};
	} catch (err) {
		log.error({ err, requestId: locals.requestId }, 'search page failed');
		error(503, 'Zoeken lukt op dit moment niet. Probeer het over een paar minuten opnieuw.');
	}
};
