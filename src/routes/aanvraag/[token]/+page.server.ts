import { error } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { requestClock } from '$lib/server/requests/request-clock';
import { getEmployerStatus } from '$lib/server/requests/status';
import type { PageServerLoad } from './$types';
import { siteOrigin, statusLink } from '$lib/server/requests/links';

export const load: PageServerLoad = async ({ params, url, setHeaders }) => {
	// A private page: never cached, never indexed, and the token stays out of other sites' logs.
	setHeaders({
		'cache-control': 'no-store',
		'x-robots-tag': 'noindex, nofollow',
		'referrer-policy': 'no-referrer'
	});
	const now = requestClock.now();
	const status = await getEmployerStatus(app().db.sql, params.token, now);
	if (!status) {
		error(404, 'Deze link werkt niet (meer). Aanvragen worden na afloop een tijd bewaard en dan gewist.');
	}
	return {
		status,
		justSent: url.searchParams.has('verzonden'),
		now,
		statusUrl: statusLink(siteOrigin(), params.token)
	};
};
