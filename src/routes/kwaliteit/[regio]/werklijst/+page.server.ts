import { app } from '$lib/server/app';
import { recordAudit } from '$lib/server/audit';
import { requireUser } from '$lib/server/auth/guard';
import { municipalitiesOf } from '$lib/server/profiles/geography';
import { municipalities } from '$lib/server/profiles/reference';
import { QUALITY_LABELS } from '$lib/server/dashboards/quality';
import { staffRegion } from '$lib/server/dashboards/region-scope';
import { parseWorklistFilter, worklist } from '$lib/server/dashboards/worklist';
import type { PageServerLoad } from './$types';

const PAGE_LIMIT = 500;

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event, 'wsp', 'admin');
	const region = staffRegion(user, event.params.regio);
	const filter = parseWorklistFilter(event.url.searchParams);
	const sql = app().db.sql;
	const list = await worklist(sql, region.code, filter, PAGE_LIMIT);
	// Klantnummers on screen: who looked at which list is on record.
	await recordAudit(sql, {
		userId: user.id,
		action: 'worklist-viewed',
		subjectType: 'region',
		subjectId: region.code,
		details: { municipality: filter.municipality, quality: filter.quality, shown: list.items.length }
	});
	const names = municipalitiesOf(region.code)
		.map((code) => ({ code, name: municipalities.get(code)!.name }))
		.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
	return { region, filter, ...list, limit: PAGE_LIMIT, municipalities: names, labels: QUALITY_LABELS };
};
