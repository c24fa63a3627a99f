import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmbeddedEngine, type MultiSearchRequest, type SearchEngine } from '../../search/index';
import { openDatabase, type Database } from '../../src/lib/server/db/database';
import { migrate } from '../../src/lib/server/db/migrate';
import { loadDemoData } from '../../src/lib/server/demo/load-demo';
import { reindexFromDatabase } from '../../src/lib/server/search-service/search-service';
import { serverUrl, uniqueName } from '../helpers/database-template';

/**
 * The backup and restore procedure of docs/operations.md, step by step: fill a database, `pg_dump` it,
 * restore the dump into a new database, start on it (migrations), rebuild the search index from it, and
 * get the same search results as before. It needs a PostgreSQL server and its client programs, so it
 * runs only with DATABASE_URL (as in CI); the embedded database is backed up by copying DATA_DIR.
 */
const databaseUrl = process.env.DATABASE_URL;

const SEARCHES: MultiSearchRequest = {
	queries: [
		{ indexUid: 'profiles', q: 'magazijn', limit: 30, facets: ['region', 'sectors', 'educationLevel'] },
		{ indexUid: 'profiles', q: 'zorg weekend', limit: 30 },
		{
			indexUid: 'profiles',
			q: '',
			filter: 'hasDriversLicence = true',
			sort: ['publishedAt:desc'],
			limit: 50
		},
		{ indexUid: 'profiles', q: 'schoonmaak', filter: 'hoursPerWeek >= 24', hitsPerPage: 10, page: 2 }
	]
};

/** What an employer would see: the hits in order, the totals and the facet counts. */
async function searchResults(engine: SearchEngine) {
	const { results } = await engine.multiSearch(SEARCHES);
	return results.map((r) => ({
		ids: r.hits.map((h) => h.id),
		total: 'totalHits' in r ? r.totalHits : r.estimatedTotalHits,
		facets: r.facetDistribution ?? null
	}));
}

const TABLES = ['candidates', 'candidate_source_ids', 'public_profiles', 'imports', 'schema_migrations'];

async function tableCounts(sql: Database['sql']): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	for (const table of TABLES) {
		const [row] = await sql.unsafe(`select count(*)::int as n from ${table}`);
		counts[table] = row.n;
	}
	return counts;
}

// Skipped without DATABASE_URL only: pg_dump and pg_restore need a PostgreSQL server (an embedded
// database is backed up by copying DATA_DIR). CI sets DATABASE_URL, so this always runs there.
describe.skipIf(!databaseUrl)(
	databaseUrl
		? 'backup and restore'
		: 'backup and restore (skipped: DATABASE_URL not set; needs PostgreSQL and pg_dump)',
	() => {
		const admin = postgres(databaseUrl ?? '', { max: 1, onnotice: () => {} });
		const original = uniqueName('kv_backup');
		const restored = uniqueName('kv_restored');
		const dir = mkdtempSync(join(tmpdir(), 'kv-backup-'));
		const open: Database[] = [];
		afterAll(async () => {
			for (const db of open) await db.close();
			await admin.unsafe(`drop database if exists ${original} with (force)`);
			await admin.unsafe(`drop database if exists ${restored} with (force)`);
			await admin.end();
			rmSync(dir, { recursive: true, force: true });
		});

		it('restores a pg_dump into a new database that, reindexed, gives the same search results', async () => {
			// 1. A database in use: migrated and filled through the real import (demo export).
			await admin.unsafe(`create database ${original}`);
			const source = await openDatabase({ databaseUrl: serverUrl(original), max: 2 });
			open.push(source);
			await migrate(source.sql);
			const summary = await loadDemoData(source.sql, { profiles: 1500, seed: 7 });
			expect(summary.status).toBe('finished');
			const before = createEmbeddedEngine({ documents: [] });
			const published = await reindexFromDatabase(source.sql, before);
			expect(published).toBeGreaterThan(500);
			const expected = await searchResults(before);
			expect(expected.every((r) => r.ids.length > 0)).toBe(true);

			// 2. The backup: pg_dump's custom format, as docs/operations.md says.
			const dump = join(dir, 'kandidatenverkenner.dump');
			execFileSync('pg_dump', ['--format=custom', '--no-owner', `--file=${dump}`, serverUrl(original)]);
			expect(statSync(dump).size).toBeGreaterThan(0);

			// 3. The restore, into a new empty database.
			await admin.unsafe(`create database ${restored}`);
			execFileSync('pg_restore', [
				'--no-owner',
				'--no-privileges',
				'--exit-on-error',
				`--dbname=${serverUrl(restored)}`,
				dump
			]);

			// 4. The app starts on it: migrations find nothing to do; the search index is rebuilt from it
			// (npm run search:reindex does the same on Meilisearch).
			const target = await openDatabase({ databaseUrl: serverUrl(restored), max: 2 });
			open.push(target);
			expect(await migrate(target.sql)).toEqual([]);
			expect(await tableCounts(target.sql)).toEqual(await tableCounts(source.sql));
			const after = createEmbeddedEngine({ documents: [] });
			expect(await reindexFromDatabase(target.sql, after)).toBe(published);
			expect(await searchResults(after)).toEqual(expected);
		});
	}
);
