import { json } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { readiness } from '$lib/server/readiness';

/** Readiness: the database and the search engine answer. 503 tells a load balancer to wait. */
export const GET = async () => {
	const result = await readiness(app());
	return json(result, {
		status: result.status === 'ok' ? 200 : 503,
		headers: { 'cache-control': 'no-store' }
	});
};
