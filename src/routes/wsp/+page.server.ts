import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guard';
import { scopeOf } from '$lib/server/auth/scope';
import { systemClock } from '$lib/server/clock';
import { listInbox, listRegionOptions, parseInboxFilter } from '$lib/server/requests/inbox';
import { STATUS_LABELS, STATUSES } from '$lib/server/requests/labels';
import { getRequestSettings } from '$lib/server/requests/settings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event, 'wsp', 'admin');
	const sql = app().db.sql;
	const filter = parseInboxFilter(event.url.searchParams, user.role === 'admin' ? 'team' : 'mine');
	const settings = await getRequestSettings(sql);
	const inbox = await listInbox(sql, user, filter, systemClock.now(), settings.soonHours);
	const regions = user.role === 'admin' ? await listRegionOptions(sql) : [];
	return {
		...inbox,
		filter,
		soonHours: settings.soonHours,
		isAdmin: user.role === 'admin',
		isCoordinator: user.isCoordinator,
		hasRegion: scopeOf(user).kind !== 'none',
		regions,
		statuses: STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))
	};
};
