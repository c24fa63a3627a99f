import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guard';
import { listRegions } from '$lib/server/auth/region-team';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireUser(event, 'admin');
	return { regions: await listRegions(app().db.sql) };
};
