import { error, fail } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guard';
import { listRegionOptions } from '$lib/server/requests/inbox';
import {
	deleteInstrument,
	instrumentScope,
	listInstruments,
	saveInstrument
} from '$lib/server/requests/instruments';
import type { Actions, PageServerLoad } from './$types';

/** Admins edit national content and any region's; a coordinator only their own region's additions. */
function editor(event: { locals: App.Locals; url: URL }) {
	const user = requireUser(event, 'wsp', 'admin');
	const scope = instrumentScope(user);
	if (scope.kind === 'none') error(403, 'Alleen coördinatoren en beheerders kunnen deze pagina aanpassen.');
	return { user, scope };
}

export const load: PageServerLoad = async (event) => {
	const { scope } = editor(event);
	const sql = app().db.sql;
	const regions = await listRegionOptions(sql);
	const asked = event.url.searchParams.get('regio');
	const region = scope.kind === 'region' ? scope.code : (regions.find((r) => r.code === asked)?.code ?? null);
	const instruments = await listInstruments(sql, region);
	return {
		isAdmin: scope.kind === 'all',
		region,
		regionName: regions.find((r) => r.code === region)?.name ?? null,
		regions: scope.kind === 'all' ? regions : [],
		instruments: instruments.map((i) => ({
			...i,
			editable: scope.kind === 'all' || i.regionCode === region
		}))
	};
};

const field = (form: FormData, name: string, max = 4000) => String(form.get(name) ?? '').slice(0, max);

export const actions: Actions = {
	opslaan: async (event) => {
		const { user, scope } = editor(event);
		const form = await event.request.formData();
		const rawId = field(form, 'id', 20);
		const id = /^\d{1,15}$/.test(rawId) ? Number(rawId) : null;
		// A new entry goes to the coordinator's own region; an admin picks national (empty) or a region.
		const regionCode = scope.kind === 'region' ? scope.code : field(form, 'regio', 10) || null;
		const values = {
			title: field(form, 'titel', 500),
			body: field(form, 'tekst'),
			position: field(form, 'volgorde', 10)
		};
		const result = await saveInstrument(app().db.sql, user, { id, regionCode, ...values });
		if (!result.ok) {
			if ('forbidden' in result) error(403, 'Dit onderdeel kunt u niet aanpassen.');
			return fail(400, { id: rawId, errors: result.errors, values });
		}
		return { saved: true };
	},
	verwijderen: async (event) => {
		const { user } = editor(event);
		const form = await event.request.formData();
		const id = Number(field(form, 'id', 20));
		if (!Number.isSafeInteger(id) || !(await deleteInstrument(app().db.sql, user, id))) {
			error(403, 'Dit onderdeel kunt u niet verwijderen.');
		}
		return { deleted: true };
	}
};
