/**
 * `npm run search:reindex`: rebuild the search index from PostgreSQL without downtime. On Meilisearch the
 * documents go into a fresh index that is swapped in atomically (searches keep hitting the old one until
 * the swap); the embedded index lives inside the app process, which rebuilds it at start-up and whenever
 * the published set changes, so here it is only built as a check.
 */
import { parseConfig } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db/database';
import { migrate } from '../src/lib/server/db/migrate';
import { createConfiguredEngine, reindexFromDatabase } from '../src/lib/server/search-service/search-service';

const config = parseConfig();
const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
	await migrate(db.sql);
	const engine = createConfiguredEngine(config);
	if (engine.kind === 'meilisearch') {
		const report = await engine.applySettings();
		if (report.changed.length) console.log(`Settings updated: ${report.changed.join(', ')}`);
	}
	const began = Date.now();
	const count = await reindexFromDatabase(db.sql, engine);
	console.log(
		`${engine.kind === 'meilisearch' ? 'Meilisearch index swapped' : 'Embedded index built (check only)'}: ${count} profiles in ${((Date.now() - began) / 1000).toFixed(1)} s`
	);
} catch (error) {
	console.error(`Reindex failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 1;
} finally {
	await db.close();
}
