import { error, fail } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { deactivateUser, reactivateUser } from '$lib/server/auth/account-status';
import { requireUser } from '$lib/server/auth/guard';
import { inviteUser } from '$lib/server/auth/invitation';
import { getRegion } from '$lib/server/auth/region-team';
import { getUserById } from '$lib/server/auth/user';
import { systemClock } from '$lib/server/clock';
import { formFailure } from '$lib/server/forms/parse-form';
import type { Actions, PageServerLoad } from './$types';
import { siteOrigin } from '$lib/server/requests/links';

export const load: PageServerLoad = async (event) => {
	requireUser(event, 'admin');
	const { sql } = app().db;
	const user = await getUserById(sql, event.params.id);
	if (!user) error(404, 'Deze gebruiker bestaat niet.');
	const region = user.regionCode ? await getRegion(sql, user.regionCode) : null;
	return {
		user: {
			id: user.id,
			name: user.name,
			email: user.email,
			role: user.role,
			isCoordinator: user.isCoordinator,
			regionName: region?.name ?? null,
			active: user.active,
			hasPassword: user.hasPassword,
			createdAt: user.createdAt,
			deactivatedAt: user.deactivatedAt
		},
		isSelf: user.id === event.locals.user?.id
	};
};

export const actions: Actions = {
	uitschakelen: async (event) => {
		const admin = requireUser(event, 'admin');
		const result = await deactivateUser(app().db.sql, systemClock, {
			userId: event.params.id,
			byUserId: admin.id
		});
		return result.ok
			? { done: 'Het account is uitgeschakeld. De gebruiker is overal uitgelogd.' }
			: fail(400, formFailure({}, {}, { message: result.message }));
	},
	inschakelen: async (event) => {
		const admin = requireUser(event, 'admin');
		const result = await reactivateUser(app().db.sql, { userId: event.params.id, byUserId: admin.id });
		return result.ok
			? { done: 'Het account is weer actief.' }
			: fail(400, formFailure({}, {}, { message: result.message }));
	},
	opnieuwUitnodigen: async (event) => {
		const admin = requireUser(event, 'admin');
		const { sql } = app().db;
		const user = await getUserById(sql, event.params.id);
		if (!user) error(404, 'Deze gebruiker bestaat niet.');
		const result = await inviteUser(
			sql,
			systemClock,
			{
				email: user.email,
				role: user.role,
				regionCode: user.regionCode,
				isCoordinator: user.isCoordinator,
				invitedBy: admin.id
			},
			{ origin: siteOrigin() }
		);
		return result.ok
			? { done: 'Er is een nieuwe uitnodiging verstuurd. De oude link werkt niet meer.' }
			: fail(400, formFailure({}, {}, { message: 'Deze gebruiker heeft al een wachtwoord gekozen.' }));
	}
};
