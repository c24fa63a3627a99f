import { json, text, type Handle } from '@sveltejs/kit';

/**
 * SvelteKit's CSRF origin check, done here so that exactly one endpoint can be exempt: the RFC 8058
 * one-click unsubscribe. A mail program posts `List-Unsubscribe=One-Click` to the link from the mail
 * without an Origin header (it is not a browser page), and the token in the link is what authorises it.
 * `kit.csrf.trustedOrigins` can only trust origins, not paths, so svelte.config.js switches the built-in
 * check off (`['*']`) and this handle runs first instead, with the same rule for everything else.
 */
const FORM_TYPES = [
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'text/plain',
	// SvelteKit's own binary form encoding (remote form functions).
	'application/x-sveltekit-formdata'
];
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Route ids whose POST needs no matching origin; each must authorise by a secret in its URL. */
export const ORIGIN_EXEMPT_POSTS = new Set(['/afmelden/[token]']);

function isFormContentType(request: Request): boolean {
	const type = request.headers.get('content-type')?.split(';', 1)[0].trim().toLowerCase() ?? '';
	return FORM_TYPES.includes(type);
}

export function isCrossSiteFormPost(request: Request, url: URL, routeId: string | null): boolean {
	if (!UNSAFE.has(request.method) || !isFormContentType(request)) return false;
	if (request.headers.get('origin') === url.origin) return false;
	return !(request.method === 'POST' && routeId !== null && ORIGIN_EXEMPT_POSTS.has(routeId));
}

export function handleOriginCheck(enabled: boolean): Handle {
	return async ({ event, resolve }) => {
		if (enabled && isCrossSiteFormPost(event.request, event.url, event.route.id)) {
			// The same answer as SvelteKit's own check gives.
			const message = `Cross-site ${event.request.method} form submissions are forbidden`;
			if (event.request.headers.get('accept') === 'application/json') {
				return json({ message }, { status: 403 });
			}
			return text(message, { status: 403 });
		}
		return resolve(event);
	};
}
