import { WorkerSearchEngine, type SearchEngine } from '../../../../search/index';
import type { AppContext, StartupStep } from '../app';
import { log } from '../log';
import { addReadinessCheck } from '../readiness';
import {
	createConfiguredEngine,
	publishedFingerprint,
	reindexFromDatabase,
	searchEngine,
	useSearchEngine
} from './search-service';

const WATCH_INTERVAL_MS = 15_000;
let watcher: ReturnType<typeof setInterval> | undefined;
let running: SearchEngine | undefined;

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
	// The embedded index lives in this process: build it now, and rebuild when another process (the
	// import command on a shared PostgreSQL) has changed the published set.
	let fingerprint = await publishedFingerprint(app.db.sql);
	await reindexFromDatabase(app.db.sql, engine);
	watcher = setInterval(async () => {
		try {
			const next = await publishedFingerprint(app.db.sql);
			if (next === fingerprint) return;
			fingerprint = next;
			await reindexFromDatabase(app.db.sql, engine);
		} catch (error) {
			log.warn({ err: error }, 'search index watch failed; will retry');
		}
	}, WATCH_INTERVAL_MS);
	watcher.unref();
}

export const searchStep: StartupStep = {
	name: 'search',
	start: startSearch,
	async stop() {
		if (watcher) clearInterval(watcher);
		const engine = running;
		running = undefined;
		useSearchEngine(undefined);
		if (engine instanceof WorkerSearchEngine) await engine.close();
	}
};
