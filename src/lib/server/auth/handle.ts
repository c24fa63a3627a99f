import type { Handle } from '@sveltejs/kit';
import { app } from '../app';
import { systemClock } from '../clock';
import { deleteSessionTokenCookie, SESSION_COOKIE, setSessionTokenCookie } from './cookie';
import { validateSessionToken } from './session';

/** Fills `locals.user` and `locals.session` from the session cookie and keeps the cookie's expiry in step. */
export const handleAuth: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const result = await validateSessionToken(app().db.sql, systemClock, token);
		if (result) {
			event.locals.user = result.user;
			event.locals.session = { id: result.session.id, expiresAt: result.session.expiresAt };
			setSessionTokenCookie(event, token, result.session.expiresAt);
		} else {
			deleteSessionTokenCookie(event);
		}
	}
	return resolve(event);
};
