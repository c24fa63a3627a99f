import type { AppContext, StartupStep } from '../app';
import { systemClock, type Clock } from '../clock';
import type { Queryable } from '../db/database';
import { log } from '../log';

/**
 * The one way to run background work. Every job runs on a timer in each instance; a job of scope
 * `cluster` (the default) then first claims its period in the `periodic_jobs` table, so across any number
 * of instances it runs once per period. Jobs of scope `instance` run everywhere: they work on state of
 * their own process (its search index) or claim their rows themselves (the outbox).
 */
export interface PeriodicJob {
	name: string;
	everyMs: number;
	scope?: 'cluster' | 'instance';
	/** Longest expected run; another instance may take over a claim this old (default: max(period, 10 min)). */
	leaseMs?: number;
	run(app: AppContext): Promise<unknown>;
	/** Releases what `run` opened (a mail transport), once the last run has finished. */
	stop?(): void | Promise<void>;
}

export interface JobRunner {
	/** Runs the job at once if due (cluster) or always (instance); true when this instance ran it. */
	runNow(name: string): Promise<boolean>;
	/** Asks for a run within `delayMs` instead of at the next period (e.g. new mail in the outbox). */
	trigger(name: string, delayMs?: number): void;
	stop(): Promise<void>;
}

/** Claims the job's current period for this instance; false when another instance has it. */
export async function claimPeriod(
	sql: Queryable,
	job: Pick<PeriodicJob, 'name' | 'everyMs' | 'leaseMs'>,
	now: Date
): Promise<boolean> {
	const lease = job.leaseMs ?? Math.max(job.everyMs, 10 * 60_000);
	await sql`insert into periodic_jobs (name) values (${job.name}) on conflict (name) do nothing`;
	// SKIP LOCKED: an instance claiming at the same moment does not wait, it simply does not get it.
	const claimed = await sql`
		update periodic_jobs set started_at = ${now}, finished_at = null,
			lease_until = ${new Date(now.getTime() + lease)}
		where name = (
			select name from periodic_jobs
			where name = ${job.name}
				and (started_at is null or started_at <= ${new Date(now.getTime() - job.everyMs)})
				and (lease_until is null or lease_until <= ${now})
			for update skip locked)
		returning name`;
	return claimed.length === 1;
}

async function release(sql: Queryable, name: string, now: Date): Promise<void> {
	await sql`update periodic_jobs set finished_at = ${now}, lease_until = null where name = ${name}`;
}

interface JobState {
	job: PeriodicJob;
	timer?: NodeJS.Timeout;
	dueAt: number;
	running?: Promise<boolean>;
	again: boolean;
}

export interface RunnerOptions {
	clock?: Clock;
	/** False: nothing runs by itself, only through runNow (tests of several runners). */
	timers?: boolean;
}

export function startJobs(
	app: AppContext,
	jobs: readonly PeriodicJob[],
	{ clock = systemClock, timers = true }: RunnerOptions = {}
): JobRunner {
	let stopped = false;
	const states = new Map<string, JobState>(jobs.map((job) => [job.name, { job, dueAt: 0, again: false }]));

	const execute = async (state: JobState): Promise<boolean> => {
		const { job } = state;
		const sql = app.db.sql;
		if (job.scope !== 'instance' && !(await claimPeriod(sql, job, clock.now()))) return false;
		try {
			await job.run(app);
		} catch (err) {
			log.error({ err, job: job.name }, 'background job failed; will retry next period');
		} finally {
			if (job.scope !== 'instance') await release(sql, job.name, clock.now());
		}
		return true;
	};

	const run = (state: JobState): Promise<boolean> => {
		if (state.running) {
			state.again = true;
			return state.running;
		}
		state.running = (async () => {
			let ran = false;
			do {
				state.again = false;
				ran =
					(await execute(state).catch((err) => {
						log.error(
							{ err, job: state.job.name },
							'background job bookkeeping failed; will retry next period'
						);
						return false;
					})) || ran;
			} while (state.again && !stopped);
			return ran;
		})().finally(() => {
			state.running = undefined;
			schedule(state, state.job.everyMs);
		});
		return state.running;
	};

	const schedule = (state: JobState, delayMs: number) => {
		if (stopped || !timers) return;
		const dueAt = Date.now() + delayMs;
		// A trigger only ever brings a run forward.
		if (state.timer && state.dueAt <= dueAt && !state.running) return;
		clearTimeout(state.timer);
		state.dueAt = dueAt;
		state.timer = setTimeout(() => {
			state.timer = undefined;
			void run(state);
		}, delayMs);
		state.timer.unref();
	};

	const runner: JobRunner = {
		runNow: (name) => run(stateOf(name)),
		trigger(name, delayMs = 0) {
			const state = states.get(name);
			if (!state || stopped) return;
			if (state.running) state.again = true;
			else schedule(state, delayMs);
		},
		async stop() {
			stopped = true;
			for (const state of states.values()) clearTimeout(state.timer);
			await Promise.all([...states.values()].map((s) => s.running));
			for (const { job } of states.values()) await job.stop?.();
			if (active === runner) active = undefined;
		}
	};
	const stateOf = (name: string) => {
		const state = states.get(name);
		if (!state) throw new Error(`No background job named ${name}.`);
		return state;
	};
	for (const state of states.values()) schedule(state, 0);
	if (timers) active = runner;
	return runner;
}

let active: JobRunner | undefined;

/** Asks the running service's job `name` to run within `delayMs`; no-op when no jobs run (tests, CLI). */
export function triggerJob(name: string, delayMs = 0): void {
	active?.trigger(name, delayMs);
}

/** The running service's jobs (the e2e routes use it to run a job now). */
export function jobRunner(): JobRunner | undefined {
	return active;
}

/** A start-up step that runs `jobs` until the service stops. */
export function periodicJobsStep(name: string, jobs: readonly PeriodicJob[]): StartupStep {
	let runner: JobRunner | undefined;
	return {
		name,
		async start(app) {
			runner = startJobs(app, jobs);
			log.info({ jobs: jobs.map((j) => j.name) }, 'background jobs started');
		},
		async stop() {
			await runner?.stop();
			runner = undefined;
		}
	};
}
