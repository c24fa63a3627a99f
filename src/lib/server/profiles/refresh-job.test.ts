import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedEngine, type SearchEngine } from '../../../../search/index';
import { csv, similarRows } from '../../../../tests/fixtures/import/csv-builder';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import { addDays, amsterdamDay, amsterdamMidnight } from '../../time';
import type { AppContext } from '../app';
import { fakeClock } from '../clock';
import type { Database } from '../db/database';
import { runImport } from '../import/run-import';
import { startJobs } from '../jobs/periodic';
import { reindexFromDatabase, useSearchEngine } from '../search-service/search-service';
import { refreshPublicProfiles } from './publish';
import { publicationRefreshJob } from './refresh-job';

let db: Database;
let engine: SearchEngine;
// Noon on a fixed day; the candidates are available from the next day.
const today = '2026-03-10';
const clock = fakeClock(new Date(amsterdamMidnight(today).getTime() + 12 * 3_600_000));

async function availabilityInIndex(): Promise<string[]> {
	const { results } = await engine.multiSearch({
		queries: [{ indexUid: 'profiles', q: '', hitsPerPage: 20 }]
	});
	return results[0].hits.map((hit) => hit.availability as string);
}
const availabilityStored = async () =>
	(
		await db.sql<{ availability: string }[]>`
			select document->>'availability' as availability from public_profiles`
	).map((r) => r.availability);

beforeAll(async () => {
	db = await createTestDatabase();
	const rows = similarRows(6, { gemeentecode: 'GM0114', beschikbaar_per: addDays(today, 1) });
	await runImport(db.sql, Readable.from([csv(rows)]), { fileName: 'test.csv', kAnonymity: 5 });
	// As if the import had run on `today`.
	await refreshPublicProfiles(db.sql, { k: 5, now: clock.now() });
	engine = createEmbeddedEngine();
	useSearchEngine(engine);
	await reindexFromDatabase(db.sql, engine);
});
afterAll(async () => {
	useSearchEngine(undefined);
	await db?.close();
});

describe('the periodic publication refresh', () => {
	it('leaves a current set alone and republishes on a new day, in the database and the index', async () => {
		const app = { config: { K_ANONYMITY: 5 } as AppContext['config'], db };
		const runner = startJobs(app, [publicationRefreshJob(clock)], { clock, timers: false });
		try {
			expect(await availabilityStored()).toEqual(Array(6).fill('binnen-1-maand'));
			const [before] = await db.sql`select refreshed_at from publication_state`;

			// Later the same day.
			clock.advance(60_000);
			expect(await runner.runNow('publication refresh')).toBe(true);
			const [same] = await db.sql`select refreshed_at, day::text as day from publication_state`;
			expect(same.refreshed_at).toEqual(before.refreshed_at);

			clock.advance(24 * 3_600_000 - 60_000);
			expect(await runner.runNow('publication refresh')).toBe(true);
			const [next] = await db.sql`select day::text as day from publication_state`;
			expect(next.day).toBe(amsterdamDay(clock.now()));
			expect(await availabilityStored()).toEqual(Array(6).fill('direct'));
			expect(await availabilityInIndex()).toEqual(Array(6).fill('direct'));
		} finally {
			await runner.stop();
		}
	});

	it('within a day checks only the calendar; a change that bypassed the refresh is published the next day', async () => {
		const app = { config: { K_ANONYMITY: 5 } as AppContext['config'], db };
		const runner = startJobs(app, [publicationRefreshJob(clock)], { clock, timers: false });
		try {
			const [{ public_ref: ref }] = await db.sql`select min(public_ref) as public_ref from public_profiles`;
			await db.sql`update candidates set withdrawn = true where public_ref = ${ref}`;
			clock.advance(6 * 60_000);
			expect(await runner.runNow('publication refresh')).toBe(true);
			expect(await db.sql`select 1 from public_profiles where public_ref = ${ref}`).toHaveLength(1);

			clock.advance(24 * 3_600_000);
			expect(await runner.runNow('publication refresh')).toBe(true);
			expect(await db.sql`select 1 from public_profiles where public_ref = ${ref}`).toHaveLength(0);
		} finally {
			await runner.stop();
		}
	});
});
