import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedEngine } from '../../../../search/index';
import { csv, similarRows } from '../../../../tests/fixtures/import/csv-builder';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import type { AppContext } from '../app';
import type { Database } from '../db/database';
import { runImport } from '../import/run-import';
import { reindexFromDatabase, useSearchEngine } from '../search-service/search-service';
import { publicationRefreshStep } from './refresh-on-start';

let db: Database;
let app: AppContext;

beforeAll(async () => {
	db = await createTestDatabase();
	await runImport(db.sql, Readable.from([csv(similarRows(6, { gemeentecode: 'GM0114' }))]), {
		fileName: 'test.csv',
		kAnonymity: 5
	});
	app = { config: { K_ANONYMITY: 5 } as AppContext['config'], db };
});
afterAll(async () => {
	useSearchEngine(undefined);
	await db?.close();
});

describe('the publication refresh at start-up', () => {
	it('does not hold up the start: the service answers while it runs, and stopping waits for it', async () => {
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		let finished = false;
		const step = publicationRefreshStep(async () => {
			await held;
			finished = true;
			return { published: 0, upserted: [], removed: [], suppressed: 0, generalised: {}, itemsHidden: 0 };
		});
		await step.start(app);
		expect(finished).toBe(false);
		const stopped = step.stop!();
		release();
		await stopped;
		expect(finished).toBe(true);
	});

	it('republishes what the previous start left out and puts it in the running index', async () => {
		const [missing] = await db.sql<{ public_ref: string }[]>`
			delete from public_profiles where public_ref = (select min(public_ref) from public_profiles)
			returning public_ref`;
		const engine = createEmbeddedEngine();
		useSearchEngine(engine);
		await reindexFromDatabase(db.sql, engine);
		expect(await engine.count()).toBe(5);

		const step = publicationRefreshStep();
		await step.start(app);
		await step.stop!();

		const [row] = await db.sql`select count(*)::int as n from public_profiles`;
		expect(row.n).toBe(6);
		expect(await engine.count()).toBe(6);
		const { results } = await engine.multiSearch({
			queries: [{ indexUid: 'profiles', q: '', hitsPerPage: 10 }]
		});
		expect(results[0].hits.map((hit) => hit.id)).toContain(missing.public_ref);
	});
});
