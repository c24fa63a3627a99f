import type { StartupStep } from '../app';
import { startMailWorker } from './worker';

let worker: ReturnType<typeof startMailWorker> | undefined;

export const mailWorkerStep: StartupStep = {
	name: 'mail worker',
	async start(app) {
		worker = startMailWorker(app);
	},
	async stop() {
		await worker?.stop();
		worker = undefined;
	}
};
