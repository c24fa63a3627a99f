import { config, type Config } from './config';
import { openDatabase, type Database } from './db/database';
import { migrate } from './db/migrate';
import { log } from './log';

/**
 * The long-lived parts of one running service, started once (SvelteKit's `init` hook, or a CLI script)
 * and stopped on SIGTERM. What else starts, and in which order, is the list of steps the caller passes
 * (the service's list is `startupSteps` in startup.ts).
 */
export interface AppContext {
	config: Config;
	db: Database;
}

/** One subsystem's start-up work, and how to stop what it started (background jobs), if anything. */
export interface StartupStep {
	name: string;
	start(app: AppContext): Promise<void>;
	stop?(): Promise<void>;
}

let current: AppContext | undefined;
let starting: Promise<AppContext> | undefined;
let started: StartupStep[] = [];

export function app(): AppContext {
	if (!current) throw new Error('The application has not been started (startApp).');
	return current;
}

/** Connects, migrates, then runs `steps` one after the other; stopApp stops them in reverse order. */
export function startApp(steps: readonly StartupStep[] = [], cfg: Config = config()): Promise<AppContext> {
	starting ??= (async () => {
		const began = Date.now();
		const db = await openDatabase({ databaseUrl: cfg.DATABASE_URL, dataDir: cfg.DATA_DIR });
		log.info({ embedded: db.embedded }, 'database connected');
		const applied = await migrate(db.sql);
		if (applied.length) log.info({ migrations: applied }, 'migrations applied');
		const context: AppContext = { config: cfg, db };
		for (const step of steps) {
			const t = Date.now();
			started.push(step);
			await step.start(context);
			log.info({ step: step.name, ms: Date.now() - t }, 'start-up step done');
		}
		current = context;
		log.info({ ms: Date.now() - began }, 'application started');
		return context;
	})();
	return starting;
}

export async function stopApp(): Promise<void> {
	if (!starting) return;
	const context = await starting.catch(() => undefined);
	for (const step of [...started].reverse()) {
		await step.stop?.().catch((error) => log.error({ err: error, step: step.name }, 'stop step failed'));
	}
	started = [];
	await context?.db.close();
	current = undefined;
	starting = undefined;
	log.info('application stopped');
}
