import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverUrl, uniqueName } from '../../../../tests/helpers/database-template';
import { openDatabase, type Database } from '../db/database';
import { migrate, migrationsDir } from '../db/migrate';

/**
 * Migration 0513 on a database with requests from before it: one case per submission per region, the
 * employer known by KvK with the adviser of its latest request as fixed contact, nothing lost.
 */
let db: Database;
let drop = async () => {};
beforeAll(async () => {
	if (process.env.DATABASE_URL) {
		const name = uniqueName('kv_mig13');
		const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database ${name}`);
		db = await openDatabase({ databaseUrl: serverUrl(name), max: 2 });
		drop = async () => {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		};
	} else {
		db = await openDatabase({});
	}
}, 120_000);
afterAll(async () => {
	await db?.close();
	await drop();
});

describe('migration 0513: cases from existing requests', () => {
	it('groups the requests of one submission per region into a case and remembers the employer', async () => {
		const before = mkdtempSync(join(tmpdir(), 'kv-mig13-'));
		for (const f of readdirSync(migrationsDir()).filter((f) => f.endsWith('.sql') && f < '0513'))
			copyFileSync(join(migrationsDir(), f), join(before, f));
		await migrate(db.sql, before);
		const sql = db.sql;
		for (const [id, email] of [
			['u1', 'a@wsp.example'],
			['u2', 'b@wsp.example'],
			['u3', 'c@wsp.example']
		]) {
			await sql`insert into users (id, email, role, region_code) values (${id}, ${email}, 'wsp', 'AM03')`;
		}
		const [s1] = await sql`
			insert into employer_submissions (company_name, kvk_number, consent_at, created_at)
			values ('Bakkerij', '12345678', now(), '2026-01-05') returning id`;
		const [s2] = await sql`
			insert into employer_submissions (company_name, kvk_number, consent_at, created_at)
			values ('Bakkerij', '12345678', now(), '2026-01-20') returning id`;
		const line = (s: number, region: string, user: string | null, due: string, contact: string | null) => sql`
			insert into interest_requests (submission_id, public_ref, region_code, snapshot, assigned_user_id, due_at,
				first_contact_at, created_at)
			values (${s}, 'KV-AAAA-AAAA', ${region}, '{}', ${user}, ${due}, ${contact}, ${due}::timestamptz - interval '1 day')
			returning id`;
		const [r1] = await line(s1.id, 'AM03', 'u1', '2026-01-06', null);
		await line(s1.id, 'AM03', 'u2', '2026-01-07', '2026-01-06T12:00:00Z');
		await line(s1.id, 'AM01', null, '2026-01-06', null);
		await line(s2.id, 'AM03', 'u3', '2026-01-21', null);
		await sql`insert into request_routings (request_id, assigned_user_id, reason) values (${r1.id}, 'u1', 'fewest_open')`;

		expect(await migrate(db.sql)).toContain('0513_employer_journey.sql');
		const cases = await sql`
			select c.submission_id::int as s, c.region_code, c.assigned_user_id, c.due_at, c.first_contact_at,
				(select count(*)::int from interest_requests r where r.case_id = c.id) as lines
			from request_cases c order by c.submission_id, c.region_code desc`;
		expect(cases.map((c) => [c.s, c.region_code, c.assigned_user_id, c.lines])).toEqual([
			[Number(s1.id), 'AM03', 'u1', 2],
			[Number(s1.id), 'AM01', null, 1],
			[Number(s2.id), 'AM03', 'u3', 1]
		]);
		expect(cases[0].due_at.toISOString()).toBe('2026-01-06T00:00:00.000Z');
		expect(cases[0].first_contact_at?.toISOString()).toBe('2026-01-06T12:00:00.000Z');
		const employers =
			await sql`select region_code, kvk_number, account_manager_id from employers order by region_code`;
		expect(employers).toEqual([
			{ region_code: 'AM01', kvk_number: '12345678', account_manager_id: null },
			{ region_code: 'AM03', kvk_number: '12345678', account_manager_id: 'u3' }
		]);
		const [routing] = await sql`select case_id from request_routings where request_id = ${r1.id}`;
		expect(routing.case_id).not.toBeNull();
	}, 120_000);
});
