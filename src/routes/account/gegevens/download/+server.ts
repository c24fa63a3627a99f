import { error } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guard';
import { systemClock } from '$lib/server/clock';
import { exportAccountData } from '$lib/server/registration/account-export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const user = requireUser(event, 'intermediair');
	const now = systemClock.now();
	const data = await exportAccountData(app().db.sql, user.id, now);
	if (!data) error(404, 'Dit account bestaat niet meer.');
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="kandidatenverkenner-mijn-gegevens-${now.toISOString().slice(0, 10)}.json"`,
			'cache-control': 'no-store'
		}
	});
};
