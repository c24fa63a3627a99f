import { app } from '$lib/server/app';
import { knownRegion } from '$lib/server/dashboards/region-scope';
import { transparencyPage } from '$lib/server/transparency/transparency-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const region = knownRegion(params.regio);
	return { region, ...(await transparencyPage(app().db.sql, region.code)) };
};
