import { onStart, onStop } from '../app';
import { requestClock } from './request-clock';
import { siteOrigin } from './links';
import { startRequestScheduler, type RequestScheduler } from './scheduler';

let scheduler: RequestScheduler | undefined;

onStart('interest request jobs', async (app) => {
	scheduler = startRequestScheduler(app.db.sql, requestClock, siteOrigin());
});

onStop('interest request jobs', async () => {
	await scheduler?.stop();
	scheduler = undefined;
});
