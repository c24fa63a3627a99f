import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import type { Database } from '../db/database';
import { routeRequest } from './routing';
import { insertStaff } from './test-fixtures';

let db: Database;
beforeAll(async () => {
	db = await createTestDatabase();
});
afterAll(() => db?.close());

const now = new Date('2026-02-02T10:00:00Z');
const route = (regionCode: string, consultantEmail: string | null = null) =>
	db.sql.begin((tx) => routeRequest(tx, { regionCode, consultantEmail, now }));

async function giveOpenRequests(userId: string, region: string, count: number) {
	for (let i = 0; i < count; i++) {
		const [s] = await db.sql`
			insert into employer_submissions (consent_at) values (now()) returning id`;
		const [c] = await db.sql`
			insert into request_cases (submission_id, region_code, assigned_user_id, due_at)
			values (${s.id}, ${region}, ${userId}, now()) returning id`;
		await db.sql`
			insert into interest_requests (submission_id, case_id, public_ref, region_code, snapshot)
			values (${s.id}, ${c.id}, 'KV-AAAA-AAAA', ${region}, '{}')`;
	}
}

describe('routeRequest', () => {
	it("prefers the candidate's own consultant when they are an active team member", async () => {
		await insertStaff(db.sql, { region: 'AM01' });
		const own = await insertStaff(db.sql, { region: 'AM01' });
		const decision = await route('AM01', own.email.toUpperCase());
		expect(decision).toMatchObject({ assignedUserId: own.id, reason: 'own_consultant' });
		expect(decision.notify).toEqual([own.email]);
	});

	it('gives the backup when the own consultant is absent', async () => {
		const backup = await insertStaff(db.sql, { region: 'AM02' });
		const own = await insertStaff(db.sql, {
			region: 'AM02',
			absentFrom: new Date('2026-02-01T00:00:00Z'),
			absentUntil: new Date('2026-02-10T00:00:00Z'),
			backupUserId: backup.id
		});
		const decision = await route('AM02', own.email);
		expect(decision).toMatchObject({ assignedUserId: backup.id, reason: 'own_consultant_backup' });
		expect(decision.detail.skippedAbsent).toEqual([own.id]);
	});

	it('ignores a consultant who is not on the region team and takes the member with the fewest open requests', async () => {
		const busy = await insertStaff(db.sql, { region: 'AM03' });
		const free = await insertStaff(db.sql, { region: 'AM03' });
		await giveOpenRequests(busy.id, 'AM03', 2);
		await giveOpenRequests(free.id, 'AM03', 1);
		const decision = await route('AM03', 'someone@elsewhere.example');
		expect(decision).toMatchObject({ assignedUserId: free.id, reason: 'fewest_open' });
		expect(decision.detail).toMatchObject({ openRequests: 1, consultantInTeam: false });
	});

	it('takes turns on a tie: the member assigned longest ago goes first', async () => {
		const a = await insertStaff(db.sql, { region: 'AM05' });
		const b = await insertStaff(db.sql, { region: 'AM05' });
		const recordTurn = async (userId: string, at: string) => {
			await giveOpenRequests(userId, 'AM05', 1);
			const [c] = await db.sql`select max(id) as id from request_cases where assigned_user_id = ${userId}`;
			await db.sql`
				insert into request_routings (case_id, assigned_user_id, reason, decided_at)
				values (${c.id}, ${userId}, 'fewest_open', ${at})`;
		};
		await recordTurn(a.id, '2026-02-01T09:00:00Z');
		await recordTurn(b.id, '2026-02-01T08:00:00Z');
		expect((await route('AM05')).assignedUserId).toBe(b.id);
		await recordTurn(b.id, '2026-02-02T09:00:00Z');
		await giveOpenRequests(a.id, 'AM05', 1);
		// Now 2 open each; a's last turn is the older one.
		expect((await route('AM05')).assignedUserId).toBe(a.id);
	});

	it('skips absent members', async () => {
		const away = await insertStaff(db.sql, {
			region: 'AM06',
			absentFrom: new Date('2026-01-01T00:00:00Z'),
			absentUntil: null
		});
		const present = await insertStaff(db.sql, { region: 'AM06' });
		await giveOpenRequests(present.id, 'AM06', 3);
		const decision = await route('AM06');
		expect(decision).toMatchObject({ assignedUserId: present.id, reason: 'fewest_open' });
		expect(decision.detail.skippedAbsent).toEqual([away.id]);
	});

	it("prefers the employer's fixed contact over the own consultant, and their backup when they are away", async () => {
		const own = await insertStaff(db.sql, { region: 'AM10' });
		const fixed = await insertStaff(db.sql, { region: 'AM10' });
		const routeWith = (fixedContactId: string) =>
			db.sql.begin((tx) =>
				routeRequest(tx, { regionCode: 'AM10', consultantEmail: own.email, fixedContactId, now })
			);
		expect(await routeWith(fixed.id)).toMatchObject({ assignedUserId: fixed.id, reason: 'fixed_contact' });
		await db.sql`update users set absent_from = '2026-01-01', backup_user_id = ${own.id} where id = ${fixed.id}`;
		expect(await routeWith(fixed.id)).toMatchObject({
			assignedUserId: own.id,
			reason: 'fixed_contact_backup'
		});
	});

	it('with nobody available, goes to the shared mailbox and the coordinator', async () => {
		await db.sql`update regions set wsp_mailbox = 'wsp@drechtsteden.example' where code = 'AM23'`;
		const coordinator = await insertStaff(db.sql, {
			region: 'AM23',
			coordinator: true,
			absentFrom: new Date('2026-02-01T00:00:00Z'),
			absentUntil: new Date('2026-03-01T00:00:00Z')
		});
		const decision = await route('AM23');
		expect(decision).toMatchObject({
			assignedUserId: null,
			mailbox: 'wsp@drechtsteden.example',
			coordinatorUserId: coordinator.id,
			reason: 'nobody_available'
		});
		expect(decision.notify).toEqual(['wsp@drechtsteden.example', coordinator.email]);
	});
});
