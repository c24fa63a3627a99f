import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { checkbox } from '$lib/server/forms/fields';
import { formFailure, parseForm } from '$lib/server/forms/parse-form';
import { requireUser } from '$lib/server/auth/guard';
import { listImports } from '$lib/server/import/import-history';
import { spoolUpload, startUploadImport, UploadRefusedError } from '$lib/server/import/import-upload';
import { searchIndexTarget } from '$lib/server/search-service/search-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireUser(event, 'admin');
	return { imports: await listImports(app().db.sql) };
};

// The file itself is read apart (parseForm reads text); `bestand` is here so its error has a place.
const UploadSchema = v.object({ bestand: v.string(), volledig: checkbox(), streng: checkbox() });

export const actions: Actions = {
	importeren: async (event) => {
		const user = requireUser(event, 'admin');
		const data = await event.request.formData();
		const form = parseForm(UploadSchema, data);
		if (!form.ok) return fail(400, form.failure);
		const file = data.get('bestand');
		if (!(file instanceof File) || file.size === 0) {
			const message = 'Kies een bestand om te importeren.';
			return fail(400, formFailure(form.values, { bestand: message }, { message }));
		}
		const options = { full: form.data.volledig, strict: form.data.streng };
		let importId: number;
		try {
			const path = await spoolUpload(file);
			importId = await startUploadImport(app().db.sql, path, {
				...options,
				fileName: file.name,
				userId: user.id,
				bytes: file.size,
				kAnonymity: app().config.K_ANONYMITY,
				index: searchIndexTarget()
			});
		} catch (error) {
			if (error instanceof UploadRefusedError) {
				return fail(400, formFailure(form.values, { bestand: error.message }, { message: error.message }));
			}
			throw error;
		}
		redirect(303, `/beheer/import/${importId}`);
	}
};
