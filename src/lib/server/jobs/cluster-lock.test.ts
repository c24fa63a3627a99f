import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, usesPostgres } from '../../../../tests/helpers/test-database';
import type { Database } from '../db/database';
import { withClusterLock } from './cluster-lock';

let db: Database;
beforeAll(async () => {
	db = await createTestDatabase();
});
afterAll(() => db?.close());

describe('start-up work under a cluster lock', () => {
	// Skipped on embedded PGlite only: instances share a PostgreSQL server, while PGlite belongs to one
	// process, which takes no lock. CI sets DATABASE_URL, so this always runs there.
	it.skipIf(!usesPostgres())(
		'lets instances that arrive together do the work one after the other, so the second finds it done',
		async () => {
			let loaded = 0;
			const events: string[] = [];
			const loadIfEmpty = (instance: string) =>
				withClusterLock(db, 'demo test', async () => {
					events.push(`${instance} checks`);
					if (loaded > 0) return;
					await new Promise((resolve) => setTimeout(resolve, 50));
					loaded++;
					events.push(`${instance} loaded`);
				});
			await Promise.all([loadIfEmpty('a'), loadIfEmpty('b')]);
			expect(loaded).toBe(1);
			expect(events).toHaveLength(3);
			expect(events[1]).toMatch(/loaded$/);
		}
	);
});
