import { app } from '$lib/server/app';
import { csvResponse } from '$lib/server/dashboards/csv';
import { trendCsv } from '$lib/server/transparency/transparency-csv';
import { publishedTrend } from '$lib/server/transparency/trend';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () =>
	csvResponse('ontwikkeling-nederland.csv', trendCsv(await publishedTrend(app().db.sql)));
