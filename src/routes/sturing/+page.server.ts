import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guard';
import { scopeOf } from '$lib/server/auth/scope';
import { systemClock } from '$lib/server/clock';
import { allRegions } from '$lib/server/dashboards/region-scope';
import { steeringByRegion } from '$lib/server/dashboards/steering';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event, 'wsp', 'admin');
	const scope = scopeOf(user);
	if (scope.kind === 'region') redirect(303, `/sturing/${scope.code}`);
	if (scope.kind === 'none') return { regions: [], names: {}, total: null };
	const regions = allRegions();
	const figures = await steeringByRegion(
		app().db.sql,
		regions.map((r) => r.code),
		systemClock.now()
	);
	return { ...figures, names: Object.fromEntries(regions.map((r) => [r.code, r.name])) };
};
