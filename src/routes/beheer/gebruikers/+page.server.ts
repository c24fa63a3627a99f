import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guard';
import { inviteUser } from '$lib/server/auth/invitation';
import { listRegions } from '$lib/server/auth/region-team';
import type { Role } from '$lib/server/auth/session-user';
import { listUsers } from '$lib/server/auth/user';
import { systemClock } from '$lib/server/clock';
import { checkbox, choice, emailAddress } from '$lib/server/forms/fields';
import { parseForm, refusalFailure } from '$lib/server/forms/parse-form';
import type { Actions, PageServerLoad } from './$types';
import { siteOrigin } from '$lib/server/requests/links';

const ROLES: readonly Role[] = ['admin', 'wsp', 'intermediair'];

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

const InviteSchema = v.object({
	email: emailAddress('naam@organisatie.nl', 'Vul het e-mailadres in.'),
	rol: choice(ROLES, 'Kies een rol.'),
	regio: v.string(),
	coordinator: checkbox()
});

export const actions: Actions = {
	uitnodigen: async (event) => {
		const admin = requireUser(event, 'admin');
		const form = parseForm(InviteSchema, await event.request.formData(), {
			check: (values) => ({
				regio: values.rol === 'wsp' && !values.regio ? 'Kies de regio van het team.' : undefined
			})
		});
		if (!form.ok) return fail(400, form.failure);
		const { email, rol, regio, coordinator } = form.data;
		const wsp = rol === 'wsp';
		const result = await inviteUser(
			app().db.sql,
			systemClock,
			{
				email,
				role: rol,
				regionCode: wsp ? regio : null,
				isCoordinator: wsp && coordinator,
				invitedBy: admin.id
			},
			{ origin: siteOrigin() }
		);
		if (!result.ok) {
			return fail(409, refusalFailure(form.values, result));
		}
		return { invited: email };
	}
};
