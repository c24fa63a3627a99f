import type { StartupStep } from '../app';
import { requestClock } from './request-clock';
import { siteOrigin } from './links';
import { startRequestScheduler, type RequestScheduler } from './scheduler';

let scheduler: RequestScheduler | undefined;

export const requestJobsStep: StartupStep = {
	name: 'interest request jobs',
	async start(app) {
		scheduler = startRequestScheduler(app.db.sql, requestClock, siteOrigin());
	},
	async stop() {
		await scheduler?.stop();
		scheduler = undefined;
	}
};
