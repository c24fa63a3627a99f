import { config, type Config } from './config';
import { openDatabase, type Database } from './db/database';
import { migrate } from './db/migrate';
import { log } from './log';

/**
 * The long-lived parts of one running service, started once (SvelteKit's `init` hook, or a CLI script)
 * and stopped on SIGTERM. Subsystems add start-up work and background jobs through `onStart`/`onStop`.
 */
export interface AppContext {
	config: Config;
	db: Database;
}

type StartStep = { name: string; run(app: AppContext): Promise<void> };
type StopStep = { name: string; run(): Promise<void> };

const startSteps: StartStep[] = [];
const stopSteps: StopStep[] = [];
let current: AppContext | undefined;
let starting: Promise<AppContext> | undefined;

export function onStart(name: string, run: StartStep['run']): void {
	startSteps.push({ name, run });
}

export function onStop(name: string, run: StopStep['run']): void {
	stopSteps.push({ name, run });
}

export function app(): AppContext {
	if (!current) throw new Error('The application has not been started (startApp).');
	return current;
}

export function startApp(cfg: Config = config()): Promise<AppContext> {
	starting ??= (async () => {
		const began = Date.now();
		const db = await openDatabase({ databaseUrl: cfg.DATABASE_URL, dataDir: cfg.DATA_DIR });
		log.info({ embedded: db.embedded }, 'database connected');
		const applied = await migrate(db.sql);
		if (applied.length) log.info({ migrations: applied }, 'migrations applied');
		const context: AppContext = { config: cfg, db };
		for (const step of startSteps) {
			const t = Date.now();
			await step.run(context);
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
	for (const step of [...stopSteps].reverse()) {
		await step.run().catch((error) => log.error({ err: error, step: step.name }, 'stop step failed'));
	}
	await context?.db.close();
	current = undefined;
	starting = undefined;
	log.info('application stopped');
}
