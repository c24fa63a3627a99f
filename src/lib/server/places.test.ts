import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/helpers/test-database';
import type { Database } from './db/database';
import { resolveWorkplace } from './places';

let db: Database;

beforeAll(async () => {
	db = await createTestDatabase();
});

afterAll(async () => {
	await db.close();
});

describe('resolveWorkplace', () => {
	it('finds a municipality by name however it is written, by CBS code and by postcode', async () => {
		const utrecht = await resolveWorkplace(db.sql, 'utrecht');
		expect(utrecht).toMatchObject({ code: 'GM0344', name: 'Utrecht' });
		expect(await resolveWorkplace(db.sql, 'gm0344')).toEqual(utrecht);
		expect((await resolveWorkplace(db.sql, "'S-HERTOGENBOSCH"))?.name).toBe("'s-Hertogenbosch");
		expect((await resolveWorkplace(db.sql, 'Den Haag'))?.code).toBe('GM0518');
		expect((await resolveWorkplace(db.sql, '3511 AB'))?.name).toBe('3511 (Utrecht)');
	});

	it('gives the same answers from the second search on, when the list is kept in memory', async () => {
		const first = await resolveWorkplace(db.sql, 'Súdwest-Fryslân');
		expect(first?.code).toMatch(/^GM/);
		expect(await resolveWorkplace(db.sql, 'sudwest fryslan')).toEqual(first);
		expect(await resolveWorkplace(db.sql, 'Atlantis')).toBeNull();
	});
});
