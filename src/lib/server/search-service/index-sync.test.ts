import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEmbeddedEngine, type ProfileDocument } from '../../../../search/index';
import { serverUrl } from '../../../../tests/helpers/database-template';
import { createTestDatabase, usesPostgres } from '../../../../tests/helpers/test-database';
import { connect, type Database, type Sql } from '../db/database';
import { insertCandidate, REGION_A, unpublish } from '../requests/test-fixtures';
import { startIndexSync, type IndexSync } from './index-sync';
import { loadAllPublicDocuments } from './search-service';

// Skipped on embedded PGlite only: LISTEN needs a connection of its own and another writer, which PGlite
// (one process, one connection) cannot give; there the periodic refresh covers it. CI sets DATABASE_URL,
// so this always runs there.
describe.skipIf(!usesPostgres())('the embedded index follows PostgreSQL changes', () => {
	let db: Database;
	let other: Sql;
	let sync: IndexSync;
	const engine = createEmbeddedEngine();
	const upserted: string[] = [];
	const removed: string[] = [];
	const target = {
		upsert: async (documents: readonly ProfileDocument[]) => {
			upserted.push(...documents.map((d) => d.id));
			await engine.upsert(documents);
		},
		remove: async (ids: readonly string[]) => {
			removed.push(...ids);
			await engine.remove(ids);
		}
	};
	const ids = async () => {
		const response = await engine.multiSearch({ queries: [{ indexUid: 'profiles', limit: 100 }] });
		return response.results[0].hits.map((h) => String(h.id)).sort();
	};

	beforeAll(async () => {
		db = await createTestDatabase();
		await insertCandidate(db.sql, REGION_A);
		await engine.replaceAll(await loadAllPublicDocuments(db.sql));
		sync = await startIndexSync(db.sql, target);
		const [{ name }] = await db.sql`select current_database() as name`;
		// Another instance, or the import command, writing on its own connection.
		other = connect(serverUrl(name), 2);
	});
	afterAll(async () => {
		await sync?.stop();
		await other?.end();
		await db?.close();
	});

	it('shows a profile published through another connection within a second, upserting only it', async () => {
		const before = await ids();
		const ref = await insertCandidate(other, REGION_A);
		await vi.waitFor(async () => expect(await ids()).toEqual([...before, ref].sort()), { timeout: 1000 });
		expect(upserted).toEqual([ref]);
	});

	it('drops a withdrawn profile within a second, removing only it', async () => {
		const ref = await insertCandidate(other, REGION_A);
		await vi.waitFor(async () => expect(await ids()).toContain(ref), { timeout: 1000 });
		await unpublish(other, ref);
		await vi.waitFor(async () => expect(await ids()).not.toContain(ref), { timeout: 1000 });
		expect(removed).toEqual([ref]);
	});
});
