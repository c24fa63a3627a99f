import { error, json } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { config } from '$lib/server/config';
import { systemClock } from '$lib/server/clock';
import { runDueAlerts } from '$lib/server/saved-searches/alerts';
import { searchEngine } from '$lib/server/search-service/search-service';
import type { RequestHandler } from './$types';
import { siteOrigin } from '$lib/server/requests/links';

/**
 * TEST ONLY: runs the alert job now, treating every search with alerts on as due, so the end-to-end
 * test does not wait for 07:00. Exists only when the server was started with E2E=1 (the e2e global
 * setup does that); anywhere else it answers 404 like any unknown path.
 */
export const POST: RequestHandler = async () => {
	if (config().E2E !== '1') error(404, 'Niet gevonden');
	const run = await runDueAlerts(app().db.sql, searchEngine(), systemClock, {
		origin: siteOrigin(),
		ignoreSchedule: true
	});
	return json(run);
};
