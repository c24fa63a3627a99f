import { error, fail } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { isAbsentAt } from '$lib/server/auth/absence';
import { requireUser } from '$lib/server/auth/guard';
import { getRegion, setTeamMembership, updateRegionWsp } from '$lib/server/auth/region-team';
import { listUsers } from '$lib/server/auth/user';
import { systemClock } from '$lib/server/clock';
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

const membership = async (
	event: Parameters<Actions[string]>[0],
	regionCode: string | null,
	isCoordinator: boolean
) => {
	const admin = requireUser(event, 'admin');
	const data = await event.request.formData();
	const result = await setTeamMembership(app().db.sql, {
		userId: String(data.get('userId') ?? ''),
		regionCode,
		isCoordinator,
		byUserId: admin.id
	});
	return result.ok ? { team: { done: true } } : fail(400, { team: { message: result.message } });
};

export const actions: Actions = {
	save: async (event) => {
		const admin = requireUser(event, 'admin');
		const data = await event.request.formData();
		const echo = {
			wspName: String(data.get('wspName') ?? ''),
			wspMailbox: String(data.get('wspMailbox') ?? ''),
			wspPhone: String(data.get('wspPhone') ?? '').slice(0, 100),
			dueMode: String(data.get('dueMode') ?? 'standaard')
		};
		const result = await updateRegionWsp(app().db.sql, {
			code: event.params.code,
			...echo,
			byUserId: admin.id
		});
		if (!result.ok) return fail(400, { save: { field: result.field, message: result.message, ...echo } });
		return { save: { done: true } };
	},
	addMember: (event) => membership(event, event.params.code, false),
	removeMember: (event) => membership(event, null, false),
	makeCoordinator: (event) => membership(event, event.params.code, true),
	removeCoordinator: (event) => membership(event, event.params.code, false)
};
