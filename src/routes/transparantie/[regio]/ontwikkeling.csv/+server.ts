import { app } from '$lib/server/app';
import { csvResponse } from '$lib/server/dashboards/csv';
import { knownRegion } from '$lib/server/dashboards/region-scope';
import { trendCsv } from '$lib/server/transparency/transparency-csv';
import { publishedTrend } from '$lib/server/transparency/trend';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const region = knownRegion(params.regio);
	return csvResponse(`ontwikkeling-${region.code}.csv`, trendCsv(await publishedTrend(app().db.sql, region.code)));
};
