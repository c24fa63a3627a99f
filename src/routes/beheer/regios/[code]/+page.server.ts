import { error, fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { isAbsentAt } from '$lib/server/auth/absence';
import { requireUser } from '$lib/server/auth/guard';
import { getRegion, setTeamMembership, updateRegionWsp } from '$lib/server/auth/region-team';
import { listUsers } from '$lib/server/auth/user';
import { systemClock } from '$lib/server/clock';
import { choice, optionalEmailAddress, optionalPhoneNumber, recordId } from '$lib/server/forms/fields';
import { parseForm, refusalFailure } from '$lib/server/forms/parse-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireUser(event, 'admin');
	const { sql } = app().db;
	const region = await getRegion(sql, event.params.code);
	if (!region) error(404, 'Deze regio bestaat niet.');
	const wspUsers = (await listUsers(sql)).filter((u) => u.role === 'wsp' && u.active);
	const names = new Map(wspUsers.map((u) => [u.id, u.name]));
	const now = systemClock.now();
	return {
		region,
		members: wspUsers
			.filter((u) => u.regionCode === region.code)
			.map((u) => ({
				id: u.id,
				name: u.name || u.email,
				isCoordinator: u.isCoordinator,
				invited: !u.hasPassword,
				absent: isAbsentAt(u, now),
				absentUntil: u.absentUntil,
				backupName: u.backupUserId ? (names.get(u.backupUserId) ?? null) : null
			})),
		candidates: wspUsers
			.filter((u) => u.regionCode !== region.code)
			.map((u) => ({ id: u.id, label: `${u.name || u.email}${u.regionCode ? ` (nu ${u.regionCode})` : ''}` }))
	};
};

const RegionSchema = v.object({
	wspNaam: v.pipe(
		v.string(),
		v.trim(),
		v.minLength(2, 'Vul de naam van het werkgeversservicepunt in.'),
		v.maxLength(200, 'Vul de naam van het werkgeversservicepunt in.')
	),
	mailbox: optionalEmailAddress('wsp@gemeente.nl'),
	telefoon: optionalPhoneNumber('Vul een telefoonnummer in, zoals 030 123 45 67, of laat het veld leeg.'),
	termijn: choice(['standaard', 'calendar', 'working_hours'], 'Kies hoe de 24 uur tellen.')
});

const MemberSchema = v.object({ medewerker: recordId('Kies een actieve medewerker van een WSP.') });

const membership = async (
	event: Parameters<Actions[string]>[0],
	regionCode: string | null,
	isCoordinator: boolean
) => {
	const admin = requireUser(event, 'admin');
	const options = { action: 'team' };
	const form = parseForm(MemberSchema, await event.request.formData(), options);
	if (!form.ok) return fail(400, form.failure);
	const result = await setTeamMembership(app().db.sql, {
		userId: form.data.medewerker,
		regionCode,
		isCoordinator,
		byUserId: admin.id
	});
	return result.ok ? { done: 'team' } : fail(400, refusalFailure(form.values, result, options));
};

export const actions: Actions = {
	opslaan: async (event) => {
		const admin = requireUser(event, 'admin');
		const form = parseForm(RegionSchema, await event.request.formData(), { action: 'opslaan' });
		if (!form.ok) return fail(400, form.failure);
		const { wspNaam, mailbox, telefoon, termijn } = form.data;
		await updateRegionWsp(app().db.sql, {
			code: event.params.code,
			wspName: wspNaam,
			mailbox,
			phone: telefoon,
			dueMode: termijn === 'standaard' ? null : termijn,
			byUserId: admin.id
		});
		return { done: 'opslaan' };
	},
	toevoegen: (event) => membership(event, event.params.code, false),
	uitTeam: (event) => membership(event, null, false),
	coordinatorMaken: (event) => membership(event, event.params.code, true),
	geenCoordinator: (event) => membership(event, event.params.code, false)
};
