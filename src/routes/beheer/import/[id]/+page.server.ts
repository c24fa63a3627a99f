import { error } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guard';
import { getImport, listRejections } from '$lib/server/import/import-history';
import { importProgress } from '$lib/server/import/import-upload';
import type { PageServerLoad } from './$types';

const SHOWN_REJECTIONS = 1000;

export const load: PageServerLoad = async (event) => {
	requireUser(event, 'admin');
	const id = Number(event.params.id);
	const sql = app().db.sql;
	const record = Number.isSafeInteger(id) ? await getImport(sql, id) : null;
	if (!record) error(404, 'Deze import bestaat niet.');
	const job = importProgress(id);
	return {
		record,
		progress: job?.progress ?? null,
		suppressed: job?.summary?.suppressed ?? null,
		rejections: record.status === 'running' ? [] : await listRejections(sql, id, SHOWN_REJECTIONS),
		shownLimit: SHOWN_REJECTIONS
	};
};
