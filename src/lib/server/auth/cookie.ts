import type { Cookies } from '@sveltejs/kit';

export const SESSION_COOKIE = 'session';

type CookieEvent = { cookies: Cookies; url: URL };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Browsers refuse Secure cookies over plain http, which is only acceptable on the developer's machine. */
function secure(url: URL): boolean {
	return !(url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname));
}

export function setSessionTokenCookie(event: CookieEvent, token: string, expiresAt: Date): void {
	event.cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		secure: secure(event.url),
		sameSite: 'lax',
		expires: expiresAt
	});
}

export function deleteSessionTokenCookie(event: CookieEvent): void {
	event.cookies.delete(SESSION_COOKIE, {
		path: '/',
		httpOnly: true,
		secure: secure(event.url),
		sameSite: 'lax'
	});
}
