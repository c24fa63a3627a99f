import { app } from '$lib/server/app';
import { csvResponse } from '$lib/server/dashboards/csv';
import { publishedNationalTable } from '$lib/server/transparency/published-table';
import { transparencyCsv } from '$lib/server/transparency/transparency-csv';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	const day = new Date().toISOString().slice(0, 10);
	const table = await publishedNationalTable(app().db.sql);
	return csvResponse(`transparantie-nederland-${day}.csv`, transparencyCsv(table, 'Arbeidsmarktregio', day));
};
