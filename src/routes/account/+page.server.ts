import { amsterdamDay } from '$lib/time';
import { fail, redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { changePassword, clearAbsence, setAbsence } from '$lib/server/auth/account';
import { deleteSessionTokenCookie } from '$lib/server/auth/cookie';
import { requireUser } from '$lib/server/auth/guard';
import { invalidateUserSessions } from '$lib/server/auth/session';
import { getUserById, listRegionTeam } from '$lib/server/auth/user';
import { getRegion } from '$lib/server/auth/region-team';
import { getStaffPhone, setStaffPhone } from '$lib/server/auth/staff-phone';
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

export const actions: Actions = {
	password: async (event) => {
		const user = requireUser(event);
		const data = await event.request.formData();
		const next = String(data.get('next') ?? '');
		if (next !== String(data.get('confirm') ?? '')) {
			return fail(400, {
				password: { field: 'confirm', message: 'De twee nieuwe wachtwoorden zijn niet hetzelfde.' }
			});
		}
		const result = await changePassword(app().db.sql, {
			user,
			sessionId: event.locals.session!.id,
			current: String(data.get('current') ?? ''),
			next
		});
		if (!result.ok) return fail(400, { password: { field: result.field, message: result.message } });
		return { password: { done: true } };
	},

	absence: async (event) => {
		const user = requireUser(event, 'wsp');
		const data = await event.request.formData();
		const echo = {
			from: String(data.get('from') ?? ''),
			until: String(data.get('until') ?? ''),
			backupUserId: String(data.get('backup') ?? '') || null
		};
		const result = await setAbsence(app().db.sql, { user, ...echo });
		if (!result.ok) return fail(400, { absence: { field: result.field, message: result.message, ...echo } });
		return { absence: { done: true } };
	},

	phone: async (event) => {
		const user = requireUser(event, 'wsp');
		const data = await event.request.formData();
		const phone = String(data.get('phone') ?? '').slice(0, 100);
		const result = await setStaffPhone(app().db.sql, user, phone);
		if (!result.ok) return fail(400, { phone: { message: result.message, value: phone } });
		return { phone: { done: true } };
	},

	clearAbsence: async (event) => {
		const user = requireUser(event, 'wsp');
		await clearAbsence(app().db.sql, user);
		return { absence: { cleared: true } };
	},

	logoutEverywhere: async (event) => {
		const user = requireUser(event);
		await invalidateUserSessions(app().db.sql, user.id);
		deleteSessionTokenCookie(event);
		redirect(303, '/inloggen?uitgelogd');
	}
};
