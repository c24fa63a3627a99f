import { error } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guard';
import { csvResponse } from '$lib/server/dashboards/csv';
import { getImport, listRejections, rejectionsCsv } from '$lib/server/import/import-history';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	requireUser(event, 'admin');
	const id = Number(event.params.id);
	const sql = app().db.sql;
	const record = Number.isSafeInteger(id) ? await getImport(sql, id) : null;
	if (!record) error(404, 'Deze import bestaat niet.');
	return csvResponse(`afgekeurd-import-${id}.csv`, rejectionsCsv(await listRejections(sql, id, null)));
};
