import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guard';
import { csvResponse } from '$lib/server/dashboards/csv';
import { completenessByMunicipality } from '$lib/server/dashboards/quality';
import { completenessCsv } from '$lib/server/dashboards/quality-csv';
import { staffRegion } from '$lib/server/dashboards/region-scope';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const region = staffRegion(requireUser(event, 'wsp', 'admin'), event.params.regio);
	const { rows, total } = await completenessByMunicipality(app().db.sql, region.code);
	return csvResponse(`volledigheid-${region.code}.csv`, completenessCsv(rows, total));
};
