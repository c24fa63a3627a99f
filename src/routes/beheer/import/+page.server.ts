import { fail, redirect } from '@sveltejs/kit';
import type * as v from 'valibot';
import { app } from '$lib/server/app';
import type { checkbox } from '$lib/server/forms/fields';
import { formFailure } from '$lib/server/forms/parse-form';
import { requireUser } from '$lib/server/auth/guard';
import { listImports } from '$lib/server/import/import-history';
import { startUploadImport, UploadRefusedError } from '$lib/server/import/import-upload';
import { spoolMultipartUpload } from '$lib/server/import/upload-stream';
import { searchIndexTarget } from '$lib/server/search-service/search-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireUser(event, 'admin');
	return { imports: await listImports(app().db.sql) };
};

// The multipart body is streamed apart (upload-stream.ts); this is the shape its failures take, so each
// error has a field and the ticked options come back.
type UploadForm = v.ObjectSchema<
	{
		bestand: v.StringSchema<undefined>;
		volledig: ReturnType<typeof checkbox>;
		streng: ReturnType<typeof checkbox>;
	},
	undefined
>;

export const actions: Actions = {
	importeren: async (event) => {
		const user = requireUser(event, 'admin');
		// Streamed to a temp file: the export is never held in memory (see upload-stream.ts).
		const upload = await spoolMultipartUpload(event.request);
		const options = { full: upload.full, strict: upload.strict };
		// What was ticked comes back as a browser sent it, so the page shows the same choices again.
		const values = { bestand: '', volledig: upload.full ? 'on' : '', streng: upload.strict ? 'on' : '' };
		const refused = (message: string) =>
			fail(400, formFailure<UploadForm>(values, { bestand: message }, { message }));
		if (!upload.ok) return refused(upload.message);
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
			if (error instanceof UploadRefusedError) {
				return refused(error.message);
			}
			throw error;
		}
		redirect(303, `/beheer/import/${importId}`);
	}
};
