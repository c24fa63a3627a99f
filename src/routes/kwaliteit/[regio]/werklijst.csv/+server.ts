import { app } from '$lib/server/app';
import { recordAudit } from '$lib/server/audit';
import { requireUser } from '$lib/server/auth/guard';
import { csvResponse } from '$lib/server/dashboards/csv';
import { worklistCsv } from '$lib/server/dashboards/quality-csv';
import { staffRegion } from '$lib/server/dashboards/region-scope';
import { parseWorklistFilter, worklist } from '$lib/server/dashboards/worklist';
import { municipalities } from '$lib/server/profiles/reference';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const user = requireUser(event, 'wsp', 'admin');
	const region = staffRegion(user, event.params.regio);
	const filter = parseWorklistFilter(event.url.searchParams);
	const sql = app().db.sql;
	const { items } = await worklist(sql, region.code, filter, null);
	await recordAudit(sql, {
		userId: user.id,
		action: 'worklist-exported',
		subjectType: 'region',
		subjectId: region.code,
		details: { municipality: filter.municipality, quality: filter.quality, rows: items.length }
	});
	const name = (code: string) => municipalities.get(code)?.name ?? code;
	return csvResponse(`werklijst-${region.code}.csv`, worklistCsv(items, name));
};
