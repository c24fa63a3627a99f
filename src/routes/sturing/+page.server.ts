import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guard';
import { systemClock } from '$lib/server/clock';
import { allRegions } from '$lib/server/dashboards/region-scope';
import { steeringByRegion } from '$lib/server/dashboards/steering';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event, 'wsp', 'admin');
	if (user.role === 'wsp') {
		if (user.regionCode) redirect(303, `/sturing/${user.regionCode}`);
		return { regions: [], names: {}, total: null };
	}
	const regions = allRegions();
	const figures = await steeringByRegion(
		app().db.sql,
		regions.map((r) => r.code),
		systemClock.now()
	);
	return { ...figures, names: Object.fromEntries(regions.map((r) => [r.code, r.name])) };
};
