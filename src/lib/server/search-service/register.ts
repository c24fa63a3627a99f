import { WorkerSearchEngine, type SearchEngine } from '../../../../search/index';
import type { AppContext, StartupStep } from '../app';
import { triggerJob, type PeriodicJob } from '../jobs/periodic';
import { log } from '../log';
import { addReadinessCheck } from '../readiness';
import { startIndexSync, type IndexSync } from './index-sync';
import {
	createConfiguredEngine,
	publishedFingerprint,
	reindexFromDatabase,
	searchEngine,
	useSearchEngine
} from './search-service';

let running: SearchEngine | undefined;
// Of the published set the embedded index was last built from; undefined in Meilisearch mode.
let fingerprint: string | undefined;
let sync: IndexSync | undefined;

async function startSearch(app: AppContext): Promise<void> {
	const engine = createConfiguredEngine(app.config, {
		// A search thread that died comes back empty: fill it again from the database.
		onIndexLost: (error) => {
			log.error({ err: error }, 'search thread lost; rebuilding its index');
			reindexFromDatabase(app.db.sql, engine).catch((failure) =>
				log.error({ err: failure }, 'search index rebuild failed')
			);
		}
	});
	useSearchEngine(engine);
	running = engine;
	addReadinessCheck('search', async () => {
		await searchEngine().health();
	});
	if (engine.kind === 'meilisearch') {
		const report = await engine.applySettings();
		if (report.changed.length) log.info({ changed: report.changed }, 'search settings updated');
		const [row] = await app.db.sql`select count(*)::int as n from public_profiles`;
		if ((await engine.count()) !== row.n) await reindexFromDatabase(app.db.sql, engine);
		return;
	}
	// The embedded index lives in this process. On a PostgreSQL server other processes (instances, the
	// import command) change the published set too: listen for their changes before building, so none
	// falls in between. Embedded PGlite has one process and one connection: the refresh job suffices.
	if (!app.db.embedded) {
		sync = await startIndexSync(app.db.sql, engine, {
			onApplied: (next) => (fingerprint = next),
			onReconnect: () => triggerJob(searchIndexRefreshJob.name)
		});
	}
	fingerprint = await publishedFingerprint(app.db.sql);
	await reindexFromDatabase(app.db.sql, engine);
}

/**
 * Rebuilds this instance's embedded index when the published set differs from what it was built from
 * (every instance): the fallback for changes the LISTEN/NOTIFY sync missed, e.g. during a reconnect.
 */
export const searchIndexRefreshJob: PeriodicJob = {
	name: 'search index refresh',
	everyMs: 15_000,
	scope: 'instance',
	async run(app) {
		const engine = running;
		if (!engine || fingerprint === undefined) return;
		const next = await publishedFingerprint(app.db.sql);
		if (next === fingerprint) return;
		fingerprint = next;
		await reindexFromDatabase(app.db.sql, engine);
	}
};

export const searchStep: StartupStep = {
	name: 'search',
	start: startSearch,
	async stop() {
		await sync?.stop();
		sync = undefined;
		fingerprint = undefined;
		const engine = running;
		running = undefined;
		useSearchEngine(undefined);
		if (engine instanceof WorkerSearchEngine) await engine.close();
	}
};
