import { app } from '$lib/server/app';
import { transparencyPage } from '$lib/server/transparency/transparency-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => transparencyPage(app().db.sql);
