import type { Clock } from '../clock';
import type { Sql } from '../db/database';
import { log } from '../log';
import { escalateOverdue } from './escalation';
import { eraseExpiredSubmissions } from './retention';

const ESCALATION_EVERY_MS = 60_000;
const RETENTION_EVERY_MS = 60 * 60_000;

export interface RequestScheduler {
	/** Runs both jobs once now (tests and the first tick). */
	tick(): Promise<void>;
	stop(): Promise<void>;
}

/**
 * Background jobs of the request flow: escalation every minute, retention every hour. A tick never
 * overlaps the previous one, and a failing job is logged and retried on the next tick.
 */
export function startRequestScheduler(sql: Sql, clock: Clock, origin: string): RequestScheduler {
	let running: Promise<void> | undefined;
	let lastRetention = 0;
	const tick = () => {
		running ??= (async () => {
			try {
				await escalateOverdue(sql, clock, origin);
			} catch (err) {
				log.error({ err }, 'escalation job failed');
			}
			if (Date.now() - lastRetention >= RETENTION_EVERY_MS) {
				lastRetention = Date.now();
				try {
					await eraseExpiredSubmissions(sql, clock);
				} catch (err) {
					log.error({ err }, 'retention job failed');
				}
			}
		})().finally(() => (running = undefined));
		return running;
	};
	const timer = setInterval(() => void tick(), ESCALATION_EVERY_MS);
	timer.unref();
	void tick();
	return {
		tick,
		async stop() {
			clearInterval(timer);
			await running;
		}
	};
}
