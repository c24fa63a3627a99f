/** `npm run db:migrate`: apply pending migrations to DATABASE_URL, or to the embedded database in DATA_DIR. */
import { parseConfig } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db/database';
import { migrate } from '../src/lib/server/db/migrate';

const config = parseConfig();
const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
	const applied = await migrate(db.sql);
	console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
} finally {
	await db.close();
}
