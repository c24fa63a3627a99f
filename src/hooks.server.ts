import { randomUUID } from 'node:crypto';
import { dev } from '$app/environment';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { startApp, stopApp } from '$lib/server/app';
import { handleAuth } from '$lib/server/auth/handle';
import { handleBodyLimit } from '$lib/server/body-limit';
import { handleClientAddress } from '$lib/server/client-address';
import { config, ConfigError, startRefusals } from '$lib/server/config';
import { handleControlCharacters } from '$lib/server/control-characters';
import { log } from '$lib/server/log';
import { recordRequest } from '$lib/server/metrics';
import { handleOriginCheck } from '$lib/server/origin-check';
import { startupSteps } from '$lib/server/startup';

export const init: ServerInit = async () => {
	if (!dev) refuseUnsafeStart();
	await startApp(startupSteps);
	// adapter-node emits this after it has stopped accepting requests (SIGTERM/SIGINT).
	process.once('sveltekit:shutdown', () => {
		void stopApp();
	});
};

/** A production start without what keeps it safe stops here, with one plain line for the operator. */
function refuseUnsafeStart(): void {
	let refusals: string[];
	try {
		refusals = startRefusals(config());
	} catch (error) {
		if (!(error instanceof ConfigError)) throw error;
		refusals = [error.message];
	}
	if (!refusals.length) return;
	for (const refusal of refusals) console.error(`Refusing to start: ${refusal}`);
	process.exit(1);
}

const handleRequestId: Handle = async ({ event, resolve }) => {
	event.locals.requestId = randomUUID();
	event.locals.user = null;
	event.locals.session = null;
	const began = performance.now();
	const response = await resolve(event);
	response.headers.set('x-request-id', event.locals.requestId);
	const ms = performance.now() - began;
	recordRequest(event.request.method, event.route.id, response.status, ms / 1000);
	// Paths only, never query strings: a search or a status token in a URL stays out of the log.
	log.info(
		{
			requestId: event.locals.requestId,
			method: event.request.method,
			route: event.route.id,
			status: response.status,
			ms: Math.round(ms)
		},
		'request'
	);
	return response;
};

const handleSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	response.headers.set('x-frame-options', 'DENY');
	response.headers.set('permissions-policy', 'geolocation=(), camera=(), microphone=()');
	if (config().ORIGIN?.startsWith('https:'))
		response.headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	return response;
};

export const handle: Handle = sequence(
	handleRequestId,
	// Like SvelteKit's own check, only in the built app.
	handleOriginCheck(!dev),
	handleClientAddress(),
	handleAuth,
	handleBodyLimit,
	handleControlCharacters,
	handleSecurityHeaders
);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status >= 500) {
		log.error({ err: error, requestId: event.locals.requestId, route: event.route.id }, 'unhandled error');
	}
	return { message: status >= 500 ? 'Er ging iets mis.' : message, requestId: event.locals.requestId };
};
