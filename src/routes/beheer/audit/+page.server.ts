import { app } from '$lib/server/app';
import { AUDIT_SUBJECTS, listAudit } from '$lib/server/audit';
import { auditLine } from '$lib/server/audit-view';
import { requireUser } from '$lib/server/auth/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireUser(event, 'admin');
	const subjectType = event.url.searchParams.get('soort')?.trim() ?? '';
	const subjectId = event.url.searchParams.get('nummer')?.trim() ?? '';
	const entries = await listAudit(app().db.sql, { subjectType, subjectId, limit: 200 });
	return {
		filter: { subjectType, subjectId },
		subjects: Object.entries(AUDIT_SUBJECTS).map(([value, label]) => ({ value, label })),
		entries: entries.map(auditLine)
	};
};
