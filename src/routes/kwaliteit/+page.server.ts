import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guard';
import { scopeOf } from '$lib/server/auth/scope';
import { completenessByRegion } from '$lib/server/dashboards/quality-overview';
import { allRegions } from '$lib/server/dashboards/region-scope';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event, 'wsp', 'admin');
	const scope = scopeOf(user);
	if (scope.kind === 'region') redirect(303, `/kwaliteit/${scope.code}`);
	if (scope.kind === 'none') return { regions: [] };
	return { regions: await completenessByRegion(app().db.sql, allRegions()) };
};
