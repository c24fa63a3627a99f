import type { StartupStep } from '../app';
import { systemClock } from '../clock';
import type { Sql } from '../db/database';
import { log } from '../log';
import { siteOrigin } from '../requests/links';
import { searchEngine } from '../search-service/search-service';
import { runDueAlerts } from './alerts';

// Alerts are due at 07:00; a check every 10 minutes gets them out by 07:10 without a busy loop.
const CHECK_EVERY_MS = 10 * 60_000;
let timer: ReturnType<typeof setInterval> | undefined;
let running: Promise<void> | undefined;

function tick(sql: Sql): Promise<void> {
	running ??= runDueAlerts(sql, searchEngine(), systemClock, { origin: siteOrigin() })
		.then((run) => {
			if (run.mailed) log.info({ ...run }, 'saved search alerts queued');
		})
		.catch((err) => log.error({ err }, 'saved search alerts failed; will retry'))
		.finally(() => (running = undefined));
	return running;
}

export const savedSearchAlertsStep: StartupStep = {
	name: 'saved search alerts',
	async start(app) {
		timer = setInterval(() => void tick(app.db.sql), CHECK_EVERY_MS);
		timer.unref();
		void tick(app.db.sql);
	},
	async stop() {
		if (timer) clearInterval(timer);
		timer = undefined;
		await running;
	}
};
