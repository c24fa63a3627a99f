import { app } from '$lib/server/app';
import { listRegionOptions } from '$lib/server/requests/inbox';
import { listInstruments } from '$lib/server/requests/instruments';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const sql = app().db.sql;
	const regions = await listRegionOptions(sql);
	const asked = url.searchParams.get('regio');
	const region = regions.find((r) => r.code === asked) ?? null;
	const instruments = await listInstruments(sql, region?.code ?? null);
	return {
		regions,
		region,
		national: instruments.filter((i) => i.regionCode === null),
		regional: instruments.filter((i) => i.regionCode !== null)
	};
};
