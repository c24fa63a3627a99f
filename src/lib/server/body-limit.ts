import { error, type Handle } from '@sveltejs/kit';

/**
 * adapter-node applies one body limit to every route (BODY_SIZE_LIMIT). Exports for the admin import page
 * can be tens of megabytes, so that limit is raised (see scripts/serve.js); this handle keeps every other
 * route at 1 MB, so nobody can make a public form buffer a huge body. It runs after authentication.
 */
export const DEFAULT_MAX_BODY = 1024 * 1024;
export const UPLOAD_MAX_BODY = 210 * 1024 * 1024;

export function maxBodyFor(routeId: string | null, role: string | undefined): number {
	return routeId?.startsWith('/beheer/import') && role === 'admin' ? UPLOAD_MAX_BODY : DEFAULT_MAX_BODY;
}

export const handleBodyLimit: Handle = ({ event, resolve }) => {
	const declared = Number(event.request.headers.get('content-length') ?? 0);
	if (declared > maxBodyFor(event.route.id, event.locals.user?.role)) {
		error(413, 'Wat u verstuurt is te groot.');
	}
	return resolve(event);
};
