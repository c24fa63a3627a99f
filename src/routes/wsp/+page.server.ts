import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guard';
import { oneRegion, scopeOf } from '$lib/server/auth/scope';
import { requestClock } from '$lib/server/requests/request-clock';
import { listInbox, listRegionOptions, parseInboxFilter } from '$lib/server/requests/inbox';
import { STATUS_LABELS, STATUSES } from '$lib/server/requests/labels';
import { getRequestSettings } from '$lib/server/requests/settings';
import { listTasks } from '$lib/server/requests/tasks';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event, 'wsp', 'admin');
	const sql = app().db.sql;
	const filter = parseInboxFilter(event.url.searchParams, user.role === 'admin' ? 'team' : 'mine');
	const settings = await getRequestSettings(sql);
	const now = requestClock.now();
	const inbox = await listInbox(sql, user, filter, now, settings.soonHours);
	// The same explicit scope as the inbox: an admin may narrow to one region, anyone else has their own.
	const scope = user.role === 'admin' && filter.region ? oneRegion(filter.region) : scopeOf(user);
	const tasks = await listTasks(sql, {
		scope,
		userId: filter.scope === 'mine' ? user.id : null,
		now,
		soonHours: settings.soonHours
	});
	const regions = user.role === 'admin' ? await listRegionOptions(sql) : [];
	return {
		...inbox,
		tasks,
		filter,
		soonHours: settings.soonHours,
		isAdmin: user.role === 'admin',
		isCoordinator: user.isCoordinator,
		hasRegion: scopeOf(user).kind !== 'none',
		regions,
		statuses: STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))
	};
};
