import { onStart, onStop } from '../app';
import { startMailWorker } from './worker';

let worker: ReturnType<typeof startMailWorker> | undefined;

onStart('mail worker', async (app) => {
	worker = startMailWorker(app);
});

onStop('mail worker', async () => {
	await worker?.stop();
	worker = undefined;
});
