import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/helpers/test-database';
import { verifyPasswordHash } from './auth/password';
import type { Database } from './db/database';
import { createDemoStaff, DEMO_PASSWORD } from './demo-staff';

let db: Database;
beforeAll(async () => {
	db = await createTestDatabase();
});
afterAll(() => db?.close());

describe('createDemoStaff', () => {
	it('gives every region a coordinator and an adviser who can log in with the documented password', async () => {
		expect(await createDemoStaff(db.sql)).toBe(2 + 35 * 2);
		const teams = await db.sql`
			select region_code, count(*)::int as members, count(*) filter (where is_coordinator)::int as coordinators
			from users where role = 'wsp' group by region_code`;
		expect(teams).toHaveLength(35);
		for (const team of teams) expect([team.members, team.coordinators]).toEqual([2, 1]);
		const [drenthe] =
			await db.sql`select password_hash from users where email = 'coordinator.am03@demo.kandidatenverkenner.nl'`;
		expect(await verifyPasswordHash(drenthe.password_hash, DEMO_PASSWORD)).toBe(true);
		const [mailbox] = await db.sql`select wsp_mailbox from regions where code = 'AM03'`;
		expect(mailbox.wsp_mailbox).toBe('wsp.am03@demo.kandidatenverkenner.nl');
	});

	it('never touches a database that already has staff', async () => {
		expect(await createDemoStaff(db.sql)).toBe(0);
	});
});
