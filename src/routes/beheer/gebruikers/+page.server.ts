import { fail } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guard';
import { inviteUser } from '$lib/server/auth/invitation';
import { listRegions } from '$lib/server/auth/region-team';
import type { Role } from '$lib/server/auth/session-user';
import { listUsers } from '$lib/server/auth/user';
import { systemClock } from '$lib/server/clock';
import type { Actions, PageServerLoad } from './$types';
import { siteOrigin } from '$lib/server/requests/links';

const ROLES: Role[] = ['admin', 'wsp', 'intermediair'];

export const load: PageServerLoad = async (event) => {
	requireUser(event, 'admin');
	const { sql } = app().db;
	const [users, regions] = await Promise.all([listUsers(sql), listRegions(sql)]);
	return {
		users: users.map((u) => ({
			id: u.id,
			name: u.name,
			email: u.email,
			role: u.role,
			regionCode: u.regionCode,
			isCoordinator: u.isCoordinator,
			status: !u.active ? 'uitgeschakeld' : u.hasPassword ? 'actief' : 'uitgenodigd'
		})),
		regions: regions.map((r) => ({ code: r.code, name: r.name }))
	};
};

export const actions: Actions = {
	invite: async (event) => {
		const admin = requireUser(event, 'admin');
		const data = await event.request.formData();
		const echo = {
			email: String(data.get('email') ?? '').trim(),
			role: String(data.get('role') ?? ''),
			regionCode: String(data.get('region') ?? ''),
			isCoordinator: data.get('coordinator') === 'on'
		};
		if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(echo.email)) {
			return fail(400, { ...echo, field: 'email', message: 'Vul een geldig e-mailadres in.' });
		}
		if (!ROLES.includes(echo.role as Role)) {
			return fail(400, { ...echo, field: 'role', message: 'Kies een rol.' });
		}
		if (echo.role === 'wsp' && !echo.regionCode) {
			return fail(400, { ...echo, field: 'region', message: 'Kies de regio van het team.' });
		}
		const wsp = echo.role === 'wsp';
		const result = await inviteUser(
			app().db.sql,
			systemClock,
			{
				email: echo.email,
				role: echo.role as Role,
				regionCode: wsp ? echo.regionCode : null,
				isCoordinator: wsp && echo.isCoordinator,
				invitedBy: admin.id
			},
			{ origin: siteOrigin() }
		);
		if (!result.ok) {
			return fail(400, { ...echo, field: 'email', message: 'Er is al een account met dit e-mailadres.' });
		}
		return { invited: echo.email };
	}
};
