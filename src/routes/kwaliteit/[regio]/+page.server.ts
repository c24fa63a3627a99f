import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guard';
import {
	completenessByMunicipality,
	ladderDistribution,
	missingParts,
	QUALITY_LABELS
} from '$lib/server/dashboards/quality';
import { staffRegion } from '$lib/server/dashboards/region-scope';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event, 'wsp', 'admin');
	const region = staffRegion(user, event.params.regio);
	const sql = app().db.sql;
	return {
		region,
		isAdmin: user.role === 'admin',
		labels: QUALITY_LABELS,
		completeness: await completenessByMunicipality(sql, region.code),
		ladder: await ladderDistribution(sql, region.code),
		missing: await missingParts(sql, region.code)
	};
};
