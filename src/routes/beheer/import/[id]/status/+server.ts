import { error, json } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guard';
import { getImport } from '$lib/server/import/import-history';
import { importProgress } from '$lib/server/import/import-upload';
import type { RequestHandler } from './$types';

/** Polled by the import page while an import runs (with JavaScript; without, the page refreshes itself). */
export const GET: RequestHandler = async (event) => {
	requireUser(event, 'admin');
	const id = Number(event.params.id);
	const record = Number.isSafeInteger(id) ? await getImport(app().db.sql, id) : null;
	if (!record) error(404, 'Deze import bestaat niet.');
	const progress = importProgress(id)?.progress ?? null;
	return json(
		{
			status: record.status,
			rowsRead: Math.max(record.rowsRead, progress?.rowsRead ?? 0),
			phase: progress?.phase ?? null,
			fraction: progress?.fraction ?? null
		},
		{ headers: { 'cache-control': 'no-store' } }
	);
};
