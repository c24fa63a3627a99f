import { fail, redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guard';
import { listImports } from '$lib/server/dashboards/import-history';
import { spoolUpload, startUploadImport, UploadRefusedError } from '$lib/server/dashboards/import-upload';
import { searchIndexTarget } from '$lib/server/search/search-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireUser(event, 'admin');
	return { imports: await listImports(app().db.sql) };
};

export const actions: Actions = {
	upload: async (event) => {
		const user = requireUser(event, 'admin');
		const form = await event.request.formData();
		const file = form.get('bestand') as File | null;
		const options = { full: form.get('volledig') === 'on', strict: form.get('streng') === 'on' };
		let importId: number;
		try {
			const path = await spoolUpload(file as File);
			importId = await startUploadImport(app().db.sql, path, {
				...options,
				fileName: file!.name,
				userId: user.id,
				bytes: file!.size,
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
