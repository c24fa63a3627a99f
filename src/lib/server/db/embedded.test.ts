import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database';
import { EMBEDDED_MAX_CONNECTIONS } from './embedded';

let db: Database;
let url: string;
beforeAll(async () => {
	db = await openDatabase({});
	url = `postgres://postgres@127.0.0.1:${(db.sql.options.port as number[])[0]}/postgres`;
});
afterAll(() => db?.close());

describe('the embedded database', () => {
	it('is used through exactly one connection', () => {
		expect(db.embedded).toBe(true);
		expect(EMBEDDED_MAX_CONNECTIONS).toBe(1);
		expect(db.sql.options.max).toBe(1);
	});

	it('holds off a second client while the app is connected, instead of mixing their sessions', async () => {
		await db.sql`select 1`;
		const intruder = postgres(url, { max: 1, onnotice: () => {} });
		const answer = intruder`select 2 as n`.then(() => 'answered');
		const waited = await Promise.race([answer, new Promise((r) => setTimeout(() => r('held off'), 1000))]);
		expect(waited).toBe('held off');
		void intruder.end({ timeout: 0 }).catch(() => {});
		answer.catch(() => {});
	});

	it('gives every one of many concurrent queries its own rows and loses no update', async () => {
		await db.sql`create table counter (n int not null)`;
		await db.sql`insert into counter values (0)`;
		const results = await Promise.all(
			Array.from({ length: 200 }, async (_, i) => {
				const [row] = await db.sql`select ${i}::int as i, pg_backend_pid() as pid`;
				await db.sql`update counter set n = n + 1`;
				return row.i;
			})
		);
		expect(results).toEqual(Array.from({ length: 200 }, (_, i) => i));
		const [counter] = await db.sql`select n from counter`;
		expect(counter.n).toBe(200);
	});
});
