import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guard';
import { completenessByRegion } from '$lib/server/dashboards/quality-overview';
import { allRegions } from '$lib/server/dashboards/region-scope';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event, 'wsp', 'admin');
	if (user.role === 'wsp') {
		if (user.regionCode) redirect(303, `/kwaliteit/${user.regionCode}`);
		return { regions: [] };
	}
	return { regions: await completenessByRegion(app().db.sql, allRegions()) };
};
