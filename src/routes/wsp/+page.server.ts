import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guard';
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
	// Explicit scope: an admin sees the chosen region or all; a WSP member only their own region.
	const region = user.role === 'admin' ? (filter.region ?? 'all') : user.regionCode;
	const tasks = region
		? await listTasks(sql, {
				region,
				userId: filter.scope === 'mine' ? user.id : null,
				now,
				soonHours: settings.soonHours
			})
		: { rows: [], counters: { open: 0, soon: 0, late: 0 } };
	const regions = user.role === 'admin' ? await listRegionOptions(sql) : [];
	return {
		...inbox,
		tasks,
		filter,
		soonHours: settings.soonHours,
		isAdmin: user.role === 'admin',
		isCoordinator: user.isCoordinator,
		hasRegion: user.role === 'admin' || user.regionCode !== null,
		regions,
		statuses: STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))
	};
};
