import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { csv, similarRows } from '../../../../tests/fixtures/import/csv-builder';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import type { AppContext } from '../app';
import type { Database, Tx } from '../db/database';
import { runImport } from '../import/run-import';
import { refreshPublicProfilesIfStale } from './publish';
import { publicationRefreshStep } from './refresh-on-start';

let db: Database;

const start = (k = 5) =>
	publicationRefreshStep.start({ config: { K_ANONYMITY: k } as AppContext['config'], db });

/** When the last completed refresh ran; set far back before each start, so a refresh shows. */
async function refreshedAt(): Promise<Date> {
	const [row] = await db.sql<{ refreshed_at: Date }[]>`select refreshed_at from publication_state`;
	return row.refreshed_at;
}
const LONG_AGO = new Date('2000-01-01T00:00:00Z');
const published = async () =>
	(await db.sql<{ public_ref: string }[]>`select public_ref from public_profiles order by 1`).map(
		(r) => r.public_ref
	);

beforeAll(async () => {
	db = await createTestDatabase();
	await runImport(db.sql, Readable.from([csv(similarRows(7, { gemeentecode: 'GM0114' }))]), {
		fileName: 'test.csv',
		kAnonymity: 5
	});
});
afterAll(async () => {
	await db?.close();
});
beforeEach(async () => {
	await db.sql`update publication_state set refreshed_at = ${LONG_AGO}`;
});

describe('the publication refresh at start-up', () => {
	it('is skipped when nothing changed since the last refresh (here: the import)', async () => {
		await start();
		expect(await refreshedAt()).toEqual(LONG_AGO);
		await start();
		expect(await refreshedAt()).toEqual(LONG_AGO);
	});

	it('runs when a publishable candidate changed without a refresh, and publishes the change', async () => {
		const before = await published();
		await db.sql`update candidates set withdrawn = true where public_ref = ${before[0]}`;
		await start();
		expect(await refreshedAt()).not.toEqual(LONG_AGO);
		expect(await published()).toEqual(before.slice(1));
	});

	it('runs when a text review changed a candidate without a refresh', async () => {
		await db.sql`update candidates set profile_text_state = 'rejected'
			where id = (select min(id) from candidates where not withdrawn)`;
		await start();
		expect(await refreshedAt()).not.toEqual(LONG_AGO);
	});

	it('runs when k changed, and publishes under the new k', async () => {
		expect((await published()).length).toBe(6);
		await start(7);
		expect(await refreshedAt()).not.toEqual(LONG_AGO);
		expect(await published()).toEqual([]);
		await db.sql`update publication_state set refreshed_at = ${LONG_AGO}`;
		await start(5);
		expect((await published()).length).toBe(6);
	});

	it('runs when the publication rules changed (another version recorded the state)', async () => {
		await db.sql`update publication_state set rules_version = rules_version - 1`;
		await start();
		expect(await refreshedAt()).not.toEqual(LONG_AGO);
	});

	it('on a new day keeps the published set and leaves the refresh to the periodic job', async () => {
		await db.sql`update publication_state set day = day - 1`;
		await start();
		expect(await refreshedAt()).toEqual(LONG_AGO);
	});

	it('writes nothing when a candidate changed while it computed, and the next start publishes the change', async () => {
		await db.sql`delete from publication_state`;
		const [ref] = await published();
		// The candidate is withdrawn after the set was computed, before it is written.
		const withdrawFirst = new Proxy(db.sql, {
			get(target, property, receiver) {
				if (property !== 'begin') return Reflect.get(target, property, receiver);
				return async (work: (tx: Tx) => unknown) => {
					await target`update candidates set withdrawn = true where public_ref = ${ref}`;
					return target.begin(work);
				};
			}
		});
		expect(await refreshPublicProfilesIfStale(withdrawFirst, { k: 5 })).toBeUndefined();
		expect(await db.sql`select 1 from publication_state`).toHaveLength(0);
		await start();
		expect(await published()).not.toContain(ref);
	});
});
