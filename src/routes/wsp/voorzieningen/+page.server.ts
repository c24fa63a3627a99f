import { error, fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { formFailure, parseForm } from '$lib/server/forms/parse-form';
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

// Lengths only: what the content must be is the domain's check (saveInstrument), with its own Dutch
// messages; this keeps a huge field a 400.
const InstrumentForm = v.object({
	onderdeel: v.pipe(v.string(), v.regex(/^\d{0,15}$/, 'Dit onderdeel bestaat niet (meer).')),
	regio: v.pipe(v.string(), v.maxLength(10)),
	titel: v.pipe(v.string(), v.maxLength(500, 'De titel is te lang (maximaal 120 tekens).')),
	tekst: v.pipe(v.string(), v.maxLength(4000, 'De tekst is te lang (maximaal 2000 tekens).')),
	volgorde: v.pipe(v.string(), v.maxLength(10, 'Vul een volgorde in van 0 tot 9999.'))
});
const DeleteForm = v.object({ onderdeel: v.pipe(v.string(), v.regex(/^\d{1,15}$/)) });

// The domain names its fields in English; the form in Dutch.
const formName = { title: 'titel', body: 'tekst', position: 'volgorde' } as const;

export const actions: Actions = {
	opslaan: async (event) => {
		const { user, scope } = editor(event);
		const form = parseForm(InstrumentForm, await event.request.formData());
		if (!form.ok) return fail(400, form.failure);
		const { onderdeel, regio, titel, tekst, volgorde } = form.data;
		const id = onderdeel ? Number(onderdeel) : null;
		// A new entry goes to the coordinator's own region; an admin picks national (empty) or a region.
		const regionCode = scope.kind === 'region' ? scope.code : regio || null;
		const result = await saveInstrument(app().db.sql, user, {
			id,
			regionCode,
			title: titel,
			body: tekst,
			position: volgorde
		});
		if (!result.ok) {
			if ('forbidden' in result) error(403, 'Dit onderdeel kunt u niet aanpassen.');
			const errors = Object.fromEntries(
				Object.entries(result.errors).map(([k, m]) => [formName[k as keyof typeof formName] ?? k, m])
			);
			return fail(400, formFailure(form.values, errors));
		}
		return { saved: true };
	},
	verwijderen: async (event) => {
		const { user } = editor(event);
		const form = parseForm(DeleteForm, await event.request.formData());
		if (!form.ok || !(await deleteInstrument(app().db.sql, user, Number(form.data.onderdeel)))) {
			error(403, 'Dit onderdeel kunt u niet verwijderen.');
		}
		return { deleted: true };
	}
};
