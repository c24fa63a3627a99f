import { amsterdamDay } from '$lib/time';
import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { changePassword, clearAbsence, setAbsence } from '$lib/server/auth/account';
import { deleteSessionTokenCookie } from '$lib/server/auth/cookie';
import { requireUser } from '$lib/server/auth/guard';
import { invalidateUserSessions } from '$lib/server/auth/session';
import { getUserById, listRegionTeam } from '$lib/server/auth/user';
import { getRegion } from '$lib/server/auth/region-team';
import { getStaffPhone, setStaffPhone } from '$lib/server/auth/staff-phone';
import { optionalId, optionalText, password, samePassword } from '$lib/server/forms/fields';
import { parseForm, refusalFailure } from '$lib/server/forms/parse-form';
import type { Actions, PageServerLoad } from './$types';

const toDay = (d: Date | null) => (d ? amsterdamDay(d) : '');

export const load: PageServerLoad = async (event) => {
	const current = requireUser(event);
	const { sql } = app().db;
	const user = (await getUserById(sql, current.id))!;
	const region = user.regionCode ? await getRegion(sql, user.regionCode) : null;
	const colleagues =
		user.role === 'wsp' && user.regionCode
			? (await listRegionTeam(sql, user.regionCode)).filter((m) => m.id !== user.id)
			: [];
	return {
		account: {
			name: user.name,
			email: user.email,
			role: user.role,
			isCoordinator: user.isCoordinator,
			regionName: region ? `${region.name} (${region.wspName})` : null
		},
		absence: {
			from: toDay(user.absentFrom),
			// Stored as the moment the absence ends; people think in "last day away".
			until: user.absentUntil ? toDay(new Date(user.absentUntil.getTime() - 1)) : '',
			backupUserId: user.backupUserId
		},
		colleagues: colleagues.map((m) => ({ id: m.id, name: m.name })),
		phone: user.role === 'wsp' ? await getStaffPhone(sql, user.id) : ''
	};
};

const PasswordSchema = v.object({
	huidig: password('Vul uw huidige wachtwoord in.'),
	nieuw: password('Kies een nieuw wachtwoord.'),
	herhaling: v.string()
});
const passwords: ['huidig', 'nieuw', 'herhaling'] = ['huidig', 'nieuw', 'herhaling'];

const AbsenceSchema = v.object({
	van: v.pipe(v.string(), v.maxLength(20)),
	tot: v.pipe(v.string(), v.maxLength(20)),
	collega: optionalId('Kies een collega uit uw eigen team.')
});

const PhoneSchema = v.object({ telefoon: optionalText(100, 'Dit telefoonnummer is te lang.') });

export const actions: Actions = {
	wachtwoord: async (event) => {
		const user = requireUser(event);
		const options = { action: 'wachtwoord', conceal: passwords };
		const form = parseForm(PasswordSchema, await event.request.formData(), {
			...options,
			check: (values) => ({ herhaling: samePassword(values.nieuw, values.herhaling) })
		});
		if (!form.ok) return fail(400, form.failure);
		const result = await changePassword(app().db.sql, {
			user,
			sessionId: event.locals.session!.id,
			current: form.data.huidig,
			next: form.data.nieuw
		});
		if (!result.ok) return fail(400, refusalFailure(form.values, result, options));
		return { done: 'wachtwoord' };
	},

	afwezigheid: async (event) => {
		const user = requireUser(event, 'wsp');
		const form = parseForm(AbsenceSchema, await event.request.formData(), { action: 'afwezigheid' });
		if (!form.ok) return fail(400, form.failure);
		const { van, tot, collega } = form.data;
		const result = await setAbsence(app().db.sql, {
			user,
			from: van,
			until: tot,
			backupUserId: collega || null
		});
		if (!result.ok) return fail(400, refusalFailure(form.values, result, { action: 'afwezigheid' }));
		return { done: 'afwezigheid' };
	},

	telefoon: async (event) => {
		const user = requireUser(event, 'wsp');
		const form = parseForm(PhoneSchema, await event.request.formData(), { action: 'telefoon' });
		if (!form.ok) return fail(400, form.failure);
		const result = await setStaffPhone(app().db.sql, user, form.data.telefoon);
		if (!result.ok) return fail(400, refusalFailure(form.values, result, { action: 'telefoon' }));
		return { done: 'telefoon' };
	},

	aanwezig: async (event) => {
		const user = requireUser(event, 'wsp');
		await clearAbsence(app().db.sql, user);
		return { done: 'aanwezig' };
	},

	overalUitloggen: async (event) => {
		const user = requireUser(event);
		await invalidateUserSessions(app().db.sql, user.id);
		deleteSessionTokenCookie(event);
		redirect(303, '/inloggen?uitgelogd');
	}
};
