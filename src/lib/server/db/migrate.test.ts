import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import type { Database } from './database';
import { migrate, MigrationError } from './migrate';

let db: Database;
beforeAll(async () => {
	db = await createTestDatabase();
});
afterAll(() => db?.close());

describe('migrate', () => {
	it('has loaded the reference geography: 35 regions, 342 municipalities, postcode areas', async () => {
		const [counts] = await db.sql`select
			(select count(*)::int from regions) as regions,
			(select count(*)::int from municipalities) as municipalities,
			(select count(*)::int from postcode_areas) as postcodes`;
		expect(counts).toEqual({ regions: 35, municipalities: 342, postcodes: 4064 });
		const [assen] = await db.sql`select region_code from municipalities where code = 'GM0106'`;
		expect(assen.region_code).toBe('AM01'); // Assen lies in Drenthe but belongs to region Groningen
		const [haag] = await db.sql`select name from municipalities where code = 'GM0518'`;
		expect(haag.name).toBe('Den Haag');
	});

	it('applies only new files, in name order, and records them', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'kv-mig-'));
		writeFileSync(join(dir, '0002_b.sql'), 'insert into t_order values (2);');
		writeFileSync(join(dir, '0001_a.sql'), 'create table t_order (n int);');
		expect(await migrate(db.sql, dir)).toEqual(['0001_a.sql', '0002_b.sql']);
		expect(await migrate(db.sql, dir)).toEqual([]);
		const rows = await db.sql`select n from t_order`;
		expect(rows.map((r) => r.n)).toEqual([2]);
	});

	it('leaves the database as it was when a file fails, naming the file', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'kv-mig-'));
		writeFileSync(join(dir, '0001_ok.sql'), 'create table t_fail_ok (n int);');
		writeFileSync(
			join(dir, '0002_bad.sql'),
			'create table t_fail_half (n int); insert into nowhere values (1);'
		);
		const error = await migrate(db.sql, dir).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(MigrationError);
		expect((error as MigrationError).message).toMatch(/0002_bad\.sql.*nowhere/);
		const [state] = await db.sql`select
			to_regclass('t_fail_half') is null as half_gone,
			to_regclass('t_fail_ok') is not null as ok_kept,
			exists (select 1 from schema_migrations where name = '0002_bad.sql') as recorded`;
		expect(state).toEqual({ half_gone: true, ok_kept: true, recorded: false });
	});

	it('applies each file once when two instances start together', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'kv-mig-'));
		writeFileSync(join(dir, '0001_race.sql'), 'create table t_race (n int); insert into t_race values (1);');
		const [a, b] = await Promise.all([migrate(db.sql, dir), migrate(db.sql, dir)]);
		expect([...a, ...b]).toEqual(['0001_race.sql']);
		const [row] = await db.sql`select count(*)::int as n from t_race`;
		expect(row.n).toBe(1);
	});
});
