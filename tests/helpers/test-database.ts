import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/lib/server/db/database';
import { serverUrl, uniqueName } from './database-template';

/**
 * A fresh, migrated database of the test's own: a new PostgreSQL database when DATABASE_URL is set (as in
 * CI, the production path), an in-memory PGlite otherwise. `close()` drops it.
 */
export async function createTestDatabase(): Promise<Database> {
	const template = inject('databaseTemplate');
	if (template.kind === 'postgres') {
		const name = uniqueName('kv_test');
		const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database ${name} template ${template.ref}`);
		const db = await openDatabase({ databaseUrl: serverUrl(name), max: 4 });
		return {
			...db,
			async close() {
				await db.close();
				await admin.unsafe(`drop database if exists ${name} with (force)`);
				await admin.end();
			}
		};
	}
	const dump = new Blob([readFileSync(template.ref)]);
	return openDatabase({ loadDataDir: dump });
}

/** Whether tests run on PostgreSQL (several connections) rather than PGlite (one). */
export const usesPostgres = () => inject('databaseTemplate').kind === 'postgres';
