import { error, json } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import { siteOrigin } from '$lib/server/requests/links';
import { app } from '$lib/server/app';
import { escalateOverdue } from '$lib/server/requests/escalation';
import { advanceRequestClock, requestClock } from '$lib/server/requests/request-clock';
import type { RequestHandler } from './$types';

/**
 * TEST ONLY: moves the request flow's clock forward by `hours` and runs the escalation job at once, so
 * the journey test sees a due time pass without waiting. Exists only when the server was started with
 * E2E=1 (the e2e global setup does that); anywhere else it answers 404 like any unknown path.
 */
export const POST: RequestHandler = async (event) => {
	if (config().E2E !== '1') error(404, 'Niet gevonden');
	const body = (await event.request.json().catch(() => ({}))) as { hours?: unknown };
	const hours = Number(body.hours);
	if (!Number.isFinite(hours) || hours < 0 || hours > 24 * 400) error(400, 'hours: 0..9600');
	advanceRequestClock(hours * 3_600_000);
	const escalated = await escalateOverdue(app().db.sql, requestClock, siteOrigin());
	return json({ now: requestClock.now().toISOString(), escalated });
};
