import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guard';
import { systemClock } from '$lib/server/clock';
import { staffRegion } from '$lib/server/dashboards/region-scope';
import { steeringByMonth } from '$lib/server/dashboards/steering';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event, 'wsp', 'admin');
	const region = staffRegion(user, event.params.regio);
	return {
		region,
		isAdmin: user.role === 'admin',
		...(await steeringByMonth(app().db.sql, region.code, systemClock.now()))
	};
};
