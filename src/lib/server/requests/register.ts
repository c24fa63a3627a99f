import type { StartupStep } from '../app';
import { systemClock } from '../clock';
import { siteOrigin } from './links';
import { startRequestScheduler, type RequestScheduler } from './scheduler';

let scheduler: RequestScheduler | undefined;

export const requestJobsStep: StartupStep = {
	name: 'interest request jobs',
	async start(app) {
		scheduler = startRequestScheduler(app.db.sql, systemClock, siteOrigin());
	},
	async stop() {
		await scheduler?.stop();
		scheduler = undefined;
	}
};
