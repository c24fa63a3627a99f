import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import type { AppContext } from '../app';
import { fakeClock } from '../clock';
import { config } from '../config';
import type { Database } from '../db/database';
import { claimPeriod, startJobs, type PeriodicJob } from './periodic';

let db: Database;
let app: AppContext;
beforeAll(async () => {
	db = await createTestDatabase();
	app = { config: config(), db };
});
afterAll(() => db?.close());

const MINUTE = 60_000;

function countingJob(name: string, scope: PeriodicJob['scope'] = 'cluster') {
	const runs: string[] = [];
	const job = (instance: string): PeriodicJob => ({
		name,
		everyMs: MINUTE,
		scope,
		async run() {
			runs.push(instance);
		}
	});
	return { runs, job };
}

describe('periodic jobs on several instances', () => {
	it('runs a cluster job once per period, whichever instance gets there first', async () => {
		const clock = fakeClock('2026-03-02T08:00:00Z');
		const { runs, job } = countingJob('escalation test');
		const a = startJobs(app, [job('a')], { clock, timers: false });
		const b = startJobs(app, [job('b')], { clock, timers: false });
		const first = await Promise.all([a.runNow(job('a').name), b.runNow(job('b').name)]);
		expect(first.filter(Boolean)).toHaveLength(1);
		expect(runs).toHaveLength(1);

		clock.advance(MINUTE / 2);
		expect(await a.runNow('escalation test')).toBe(false);
		expect(await b.runNow('escalation test')).toBe(false);

		clock.advance(MINUTE / 2);
		const second = await Promise.all([b.runNow('escalation test'), a.runNow('escalation test')]);
		expect(second.filter(Boolean)).toHaveLength(1);
		expect(runs).toHaveLength(2);
		await Promise.all([a.stop(), b.stop()]);
	});

	it('runs an instance job in every instance (each works on its own state)', async () => {
		const clock = fakeClock('2026-03-02T08:00:00Z');
		const { runs, job } = countingJob('index refresh test', 'instance');
		const a = startJobs(app, [job('a')], { clock, timers: false });
		const b = startJobs(app, [job('b')], { clock, timers: false });
		await Promise.all([a.runNow('index refresh test'), b.runNow('index refresh test')]);
		expect(runs.sort()).toEqual(['a', 'b']);
		await Promise.all([a.stop(), b.stop()]);
	});

	it('lets another instance take over a period left unfinished by a crashed one, after its lease', async () => {
		const clock = fakeClock('2026-03-02T08:00:00Z');
		const job = { name: 'crash test', everyMs: MINUTE, leaseMs: 5 * MINUTE };
		// The crashed instance claimed and never released.
		expect(await claimPeriod(db.sql, job, clock.now())).toBe(true);
		clock.advance(2 * MINUTE);
		expect(await claimPeriod(db.sql, job, clock.now())).toBe(false);
		clock.advance(3 * MINUTE);
		expect(await claimPeriod(db.sql, job, clock.now())).toBe(true);
	});

	it('stops cleanly: waits for a run in progress, then lets the job release what it opened', async () => {
		const steps: string[] = [];
		let finish = () => {};
		const slow: PeriodicJob = {
			name: 'slow test',
			everyMs: MINUTE,
			scope: 'instance',
			run: () =>
				new Promise<void>((resolve) => {
					steps.push('run started');
					finish = () => {
						steps.push('run finished');
						resolve();
					};
				}),
			stop: () => {
				steps.push('transport closed');
			}
		};
		const a = startJobs(app, [slow], { timers: false });
		const running = a.runNow('slow test');
		await vi.waitFor(() => expect(steps).toEqual(['run started']));
		const stopped = a.stop();
		finish();
		await Promise.all([running, stopped]);
		expect(steps).toEqual(['run started', 'run finished', 'transport closed']);
	});

	it('keeps running after a failing run, and counts it as the period’s run', async () => {
		const clock = fakeClock('2026-03-02T08:00:00Z');
		let attempts = 0;
		const failing: PeriodicJob = {
			name: 'failing test',
			everyMs: MINUTE,
			async run() {
				attempts++;
				throw new Error('boom');
			}
		};
		const a = startJobs(app, [failing], { clock, timers: false });
		expect(await a.runNow('failing test')).toBe(true);
		clock.advance(MINUTE);
		expect(await a.runNow('failing test')).toBe(true);
		expect(attempts).toBe(2);
		await a.stop();
	});
});
