import { systemClock } from '../clock';
import type { PeriodicJob } from '../jobs/periodic';
import { log } from '../log';
import { siteOrigin } from '../requests/links';
import { searchEngine } from '../search-service/search-service';
import { runDueAlerts } from './alerts';

/** Alerts are due at 07:00; a check every 10 minutes gets them out by 07:10 without a busy loop. */
export const savedSearchAlertsJob: PeriodicJob = {
	name: 'saved search alerts',
	everyMs: 10 * 60_000,
	async run(app) {
		const run = await runDueAlerts(app.db.sql, searchEngine(), systemClock, { origin: siteOrigin() });
		if (run.mailed) log.info({ ...run }, 'saved search alerts queued');
	}
};
