import { fail, redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guard';
import { listImports } from '$lib/server/dashboards/import-history';
import { startUploadImport, UploadRefusedError } from '$lib/server/dashboards/import-upload';
import { spoolMultipartUpload } from '$lib/server/dashboards/upload-stream';
import { searchIndexTarget } from '$lib/server/search/search-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireUser(event, 'admin');
	return { imports: await listImports(app().db.sql) };
};

export const actions: Actions = {
	upload: async (event) => {
		const user = requireUser(event, 'admin');
		// Streamed to a temp file: the export is never held in memory (see upload-stream.ts).
		const upload = await spoolMultipartUpload(event.request);
		const options = { full: upload.full, strict: upload.strict };
		if (!upload.ok) return fail(400, { message: upload.message, ...options });
		let importId: number;
		try {
			importId = await startUploadImport(app().db.sql, upload.path, {
				...options,
				fileName: upload.fileName,
				userId: user.id,
				bytes: upload.bytes,
				kAnonymity: app().config.K_ANONYMITY,
				index: searchIndexTarget()
			});
		} catch (error) {
			if (error instanceof UploadRefusedError) return fail(400, { message: error.message, ...options });
			throw error;
		}
		redirect(303, `/beheer/import/${importId}`);
	}
};
