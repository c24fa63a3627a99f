import { app } from '$lib/server/app';
import { listAudit } from '$lib/server/audit';
import { requireUser } from '$lib/server/auth/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireUser(event, 'admin');
	const subjectType = event.url.searchParams.get('type')?.trim() ?? '';
	const subjectId = event.url.searchParams.get('id')?.trim() ?? '';
	const entries = await listAudit(app().db.sql, { subjectType, subjectId, limit: 200 });
	return {
		filter: { subjectType, subjectId },
		entries: entries.map((e) => ({
			...e,
			details: Object.keys(e.details).length ? JSON.stringify(e.details) : ''
		}))
	};
};
