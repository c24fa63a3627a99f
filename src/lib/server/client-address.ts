import { type Handle } from '@sveltejs/kit';
import { config } from './config';
import { log } from './log';

let warned = false;

/**
 * With ADDRESS_HEADER set, adapter-node takes the client address from that header and throws when a
 * request lacks it: a 500 for whoever called directly, past the proxy. Refuse such a request plainly
 * instead, and tell the operator once. Health checks need no address and pass.
 */
export function handleClientAddress(headerOf = () => config().ADDRESS_HEADER): Handle {
	return ({ event, resolve }) => {
		const header = headerOf();
		if (!header || event.request.headers.has(header) || isHealthCheck(event.url.pathname)) {
			return resolve(event);
		}
		if (!warned) {
			warned = true;
			log.warn(
				{ header },
				`request without the ${header} header although ADDRESS_HEADER is set: answered 400; ` +
					'send requests through the proxy, or unset ADDRESS_HEADER when there is none (logged once)'
			);
		}
		return new Response(
			`Ongeldig verzoek: de header ${header} ontbreekt. (Bad request: the ${header} header that ADDRESS_HEADER names is missing.)`,
			{ status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } }
		);
	};
}

const isHealthCheck = (path: string) => path === '/healthz' || path === '/readyz';
