import { app } from '$lib/server/app';
import { csvResponse } from '$lib/server/dashboards/csv';
import { publishedRegionTable } from '$lib/server/transparency/published-table';
import { knownRegion } from '$lib/server/dashboards/region-scope';
import { transparencyCsv } from '$lib/server/transparency/transparency-csv';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const region = knownRegion(params.regio);
	const day = new Date().toISOString().slice(0, 10);
	const table = await publishedRegionTable(app().db.sql, region.code);
	return csvResponse(`transparantie-${region.code}-${day}.csv`, transparencyCsv(table, 'Gemeente', day));
};
