import { error, redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { resolveWorkplace } from '$lib/server/places';
import { getPublicProfile } from '$lib/server/profiles/queries';
import { matchReasons } from '$lib/search-page/match-reasons';
import { searchHref, searchStateFromParams } from '$lib/search-page/search-state';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, setHeaders }) => {
	const ref = params.ref.toUpperCase();
	if (ref !== params.ref) redirect(301, `/kandidaten/${ref}${url.search}`);
	const { sql } = app().db;
	const profile = await getPublicProfile(sql, ref);
	if (profile.status === 'unknown') {
		error(404, 'Dit profiel bestaat niet. Controleer het kenmerk, of zoek opnieuw.');
	}
	if (profile.status === 'unpublished') {
		error(
			410,
			'Deze kandidaat is niet meer te vinden. Misschien heeft hij of zij al werk gevonden. Zoek gerust verder naar andere kandidaten.'
		);
	}
	setHeaders({ 'cache-control': 'private, max-age=60' });
	const search = url.searchParams.get('zoekopdracht');
	const state = search ? searchStateFromParams(new URLSearchParams(search)) : null;
	const workplace = state?.workplace ? await resolveWorkplace(sql, state.workplace) : null;
	return {
		profile: profile.document,
		reasons: state ? matchReasons(profile.document, state, workplace) : [],
		backHref: state ? searchHref(state) : '/kandidaten',
		interestHref: `/interesse?${new URLSearchParams(state?.workplace ? { kandidaat: ref, werkplek: state.workplace } : { kandidaat: ref })}`
	};
};
