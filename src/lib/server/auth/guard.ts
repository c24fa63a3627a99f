import { error, redirect } from '@sveltejs/kit';
import { scopeIncludes, scopeOf } from './scope';
import type { Role, SessionUser } from './session-user';

type GuardEvent = { locals: App.Locals; url: URL };

/**
 * Call in every staff page's load AND in every action: a layout's guard does not run for a form post.
 * Without a session the visitor goes to the log-in page and comes back here afterwards.
 */
export function requireUser(event: GuardEvent, ...roles: Role[]): SessionUser {
	const user = event.locals.user;
	if (!user) {
		// A form post (`?/action`) cannot be replayed after logging in: return to the page that showed it.
		const search = event.url.search.startsWith('?/') ? '' : event.url.search;
		redirect(303, '/inloggen?terug=' + encodeURIComponent(event.url.pathname + search));
	}
	if (roles.length && !roles.includes(user.role)) {
		error(403, 'U hebt geen toegang tot deze pagina.');
	}
	return user;
}

/** Admins see every region; a WSP member only their own team's (and none while on no team). */
export function requireRegionAccess(user: SessionUser, regionCode: string): void {
	if (!scopeIncludes(scopeOf(user), regionCode)) error(403, 'U hebt geen toegang tot deze pagina.');
}
