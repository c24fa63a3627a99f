import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverUrl } from '../../../../tests/helpers/database-template';
import { createTestDatabase, usesPostgres } from '../../../../tests/helpers/test-database';
import { connect, type Database, type Sql } from '../db/database';
import { AddressAndAccountLimit } from './address-and-account';
import { RateLimit, storeOn } from './rate-limit';

let db: Database;
beforeAll(async () => {
	db = await createTestDatabase();
});
afterAll(() => db?.close());

describe('a rate limit', () => {
	it('holds across instances: counters live in the database, not in the process', async () => {
		const store = storeOn(db.sql);
		// Two instances of the app each construct their own limiter object.
		const first = new RateLimit('search', { points: 3, windowSeconds: 60 }, store);
		const second = new RateLimit('search', { points: 3, windowSeconds: 60 }, store);
		expect((await first.consume('10.0.0.1')).allowed).toBe(true);
		expect((await second.consume('10.0.0.1')).allowed).toBe(true);
		expect((await first.consume('10.0.0.1')).allowed).toBe(true);
		const refused = await second.consume('10.0.0.1');
		expect(refused).toMatchObject({ allowed: false, used: 4 });
		expect(refused.retryAt.getTime()).toBeGreaterThan(Date.now());
		expect((await second.consume('10.0.0.2')).allowed).toBe(true);
		const [row] =
			await db.sql`select count(*)::int as n from rate_limits where key like ${store.namespace + ':%'}`;
		expect(row.n).toBe(2);
	});

	// Skipped on embedded PGlite only: it needs a second connection, which PGlite (one session) cannot give.
	// CI sets DATABASE_URL, so this always runs there.
	it.skipIf(!usesPostgres())(
		'counts concurrent requests from another connection without losing any',
		async () => {
			const [{ name }] = await db.sql`select current_database() as name`;
			const other: Sql = connect(serverUrl(name), 4);
			try {
				const store = storeOn(db.sql);
				const a = new RateLimit('burst', { points: 10, windowSeconds: 60 }, store);
				const b = new RateLimit('burst', { points: 10, windowSeconds: 60 }, { ...store, sql: () => other });
				const results = await Promise.all(
					Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).consume('198.51.100.9'))
				);
				expect(results.filter((r) => r.allowed)).toHaveLength(10);
			} finally {
				await other.end();
			}
		}
	);

	it('keeps limiting in memory while the database cannot be reached, rather than failing or letting all through', async () => {
		const unreachable = connect('postgres://postgres@127.0.0.1:9/none', 1);
		try {
			const limit = new RateLimit('search', { points: 2, windowSeconds: 60 }, storeOn(unreachable));
			expect((await limit.consume('10.9.9.9')).allowed).toBe(true);
			expect((await limit.consume('10.9.9.9')).allowed).toBe(true);
			expect((await limit.consume('10.9.9.9')).allowed).toBe(false);
		} finally {
			await unreachable.end();
		}
	});

	it('keeps a hot-path limit in memory on embedded PGlite only, where one process serves everyone', async () => {
		const options = { memoryOnEmbedded: true };
		const limit = { points: 1, windowSeconds: 60 };
		const embedded = new RateLimit('hot', limit, { ...storeOn(db.sql), embedded: () => true }, options);
		const server = new RateLimit('hot', limit, storeOn(db.sql), options);
		for (const hot of [embedded, server]) {
			expect((await hot.consume('10.7.7.7')).allowed).toBe(true);
			expect((await hot.consume('10.7.7.7')).allowed).toBe(false);
		}
		const rows = await db.sql`select key from rate_limits where key like ${'%:hot:10.7.7.7'}`;
		expect(rows).toHaveLength(1);
	});

	it('limits password resets per account and per address alike, known account or not', async () => {
		const reset = new AddressAndAccountLimit(
			'reset',
			{ perAccount: 2, perAddress: 3, windowSeconds: 3600 },
			storeOn(db.sql)
		);
		expect(await reset.allow('192.0.2.1', 'Iemand@Gemeente.example')).toBe(true);
		expect(await reset.allow('192.0.2.2', 'iemand@gemeente.example')).toBe(true);
		expect(await reset.allow('192.0.2.3', 'iemand@gemeente.example')).toBe(false);
		expect(await reset.allow('192.0.2.9', 'a@x.example')).toBe(true);
		expect(await reset.allow('192.0.2.9', 'b@x.example')).toBe(true);
		expect(await reset.allow('192.0.2.9', 'c@x.example')).toBe(true);
		expect(await reset.allow('192.0.2.9', 'd@x.example')).toBe(false);
		const keys = await db.sql`select key from rate_limits`;
		expect(keys.map((k) => k.key).join(' ')).not.toContain('@');
	});
});
