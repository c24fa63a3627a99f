import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import type { SessionUser } from '../auth/session-user';
import type { Database } from '../db/database';
import { staffRegion } from './region-scope';
import { lastMonths, steeringByMonth, steeringByRegion } from './steering';

let db: Database;
const NOW = new Date('2026-03-20T12:00:00Z');
const HOUR = 3600_000;

/** [region, created, hours to first contact or null, outcome] */
const REQUESTS: [string, string, number | null, string | null][] = [
	['AM03', '2026-03-02T09:00:00Z', 2, 'gesprek_gepland'],
	['AM03', '2026-03-03T09:00:00Z', 30, 'geplaatst'],
	['AM03', '2026-03-04T09:00:00Z', 5, null],
	['AM03', '2026-03-05T09:00:00Z', 24, 'geen_match'],
	// Not contacted, 24 hours passed: counts against the promise.
	['AM03', '2026-03-10T09:00:00Z', null, null],
	// Not contacted, still within 24 hours: cannot be judged yet.
	['AM03', '2026-03-20T08:00:00Z', null, null],
	['AM03', '2026-02-10T09:00:00Z', 1, 'geplaatst'],
	// 1 March 00:30 in Amsterdam is still February in UTC: it belongs to March.
	['AM03', '2026-02-28T23:30:00Z', 3, null],
	['AM01', '2026-03-02T09:00:00Z', 50, null],
	// Older than twelve months: outside the period.
	['AM03', '2025-02-10T09:00:00Z', 1, 'geplaatst']
];

beforeAll(async () => {
	db = await createTestDatabase();
	for (const [region, created, hours, outcome] of REQUESTS) {
		const createdAt = new Date(created);
		const contact = hours === null ? null : new Date(createdAt.getTime() + hours * HOUR);
		const closed = outcome ? new Date(createdAt.getTime() + 100 * HOUR) : null;
		// One submission per row here: each is its own case.
		const [{ sid }] = await db.sql<{ sid: string }[]>`
			insert into employer_submissions (consent_at, company_name) values (now(), 'Testbedrijf') returning id as sid`;
		const [c] = await db.sql`
			insert into request_cases (submission_id, region_code, due_at, first_contact_at, created_at)
			values (${sid}, ${region}, ${new Date(createdAt.getTime() + 24 * HOUR)}, ${contact}, ${createdAt})
			returning id`;
		await db.sql`
			insert into interest_requests (submission_id, case_id, public_ref, region_code, snapshot, status, outcome,
				closed_at, created_at)
			values (${sid}, ${c.id}, 'KV-2222-2222', ${region}, '{}', ${outcome ? 'afgerond' : 'nieuw'}, ${outcome},
				${closed}, ${createdAt})`;
	}
});
afterAll(() => db?.close());

describe('steering figures', () => {
	it('computes received, median time to first contact, share within 24 hours and outcomes per month', async () => {
		const { months, total } = await steeringByMonth(db.sql, 'AM03', NOW);
		expect(months.map((m) => m.key)).toEqual(lastMonths(NOW, 12));
		expect(months[11].key).toBe('2026-03');
		const march = months[11];
		// Contact after 2, 30, 5, 24, 3 hours: median 5. Judged: those five and the uncontacted one of the 10th.
		expect(march).toMatchObject({
			received: 7,
			contacted: 5,
			medianHoursToContact: 5,
			judged: 6,
			within24h: 4,
			talks: 1,
			placements: 1,
			noMatch: 1
		});
		expect(march.shareWithin24h).toBeCloseTo(4 / 6, 10);
		expect(months[10]).toMatchObject({ key: '2026-02', received: 1, medianHoursToContact: 1, placements: 1 });
		expect(months.slice(0, 10).every((m) => m.received === 0 && m.shareWithin24h === null)).toBe(true);
		expect(total).toMatchObject({ received: 8, contacted: 6, medianHoursToContact: 4, placements: 2 });
	});

	it('counts trial placements and the share of contact moments kept on time, in the month they fell due', async () => {
		const [{ sid }] = await db.sql<{ sid: string }[]>`
			insert into employer_submissions (consent_at) values (now()) returning id as sid`;
		const [c] = await db.sql`
			insert into request_cases (submission_id, region_code, due_at, created_at)
			values (${sid}, 'AM05', '2026-03-02T09:00:00Z', '2026-03-01T09:00:00Z') returning id`;
		const [r] = await db.sql`
			insert into interest_requests (submission_id, case_id, public_ref, region_code, snapshot, created_at)
			values (${sid}, ${c.id}, 'KV-3333-3333', 'AM05', '{}', '2026-03-01T09:00:00Z') returning id`;
		const [step] = await db.sql`
			insert into case_steps (case_id, request_id, kind, starts_on, ends_on)
			values (${c.id}, ${r.id}, 'proefplaatsing', '2026-02-01', '2026-05-01') returning id`;
		// Kept on time, done late, not done (due), not yet due.
		for (const [kind, due, done] of [
			['contact_2_weken', '2026-03-05T08:00:00Z', '2026-03-05T07:00:00Z'],
			['contact_6_weken', '2026-03-10T08:00:00Z', '2026-03-12T08:00:00Z'],
			['contact_contracteinde', '2026-03-15T08:00:00Z', null]
		] as const) {
			await db.sql`
				insert into case_tasks (case_id, request_id, step_id, kind, due_at, done_at)
				values (${c.id}, ${r.id}, ${step.id}, ${kind}, ${due}, ${done})`;
		}
		const [{ id: laterStep }] = await db.sql`
			insert into case_steps (case_id, request_id, kind, starts_on) values (${c.id}, ${r.id}, 'geplaatst', '2026-03-01')
			returning id`;
		await db.sql`
			insert into case_tasks (case_id, request_id, step_id, kind, due_at)
			values (${c.id}, ${r.id}, ${laterStep}, 'contact_6_weken', '2026-04-12T07:00:00Z')`;
		const { months } = await steeringByMonth(db.sql, 'AM05', NOW);
		expect(months[11]).toMatchObject({ trialPlacements: 1, momentsDue: 3, momentsOnTime: 1 });
		expect(months[11].shareMomentsOnTime).toBeCloseTo(1 / 3, 10);
	});

	it('keeps regions apart', async () => {
		const { regions, total } = await steeringByRegion(db.sql, ['AM01', 'AM03'], NOW);
		expect(regions[0]).toMatchObject({
			key: 'AM01',
			received: 1,
			medianHoursToContact: 50,
			within24h: 0,
			judged: 1
		});
		expect(regions[1]).toMatchObject({ key: 'AM03', received: 8 });
		// AM01, AM03 and the AM05 request of the contact-moment test.
		expect(total.received).toBe(10);
	});
});

describe('region scope of staff figures', () => {
	const user = (role: SessionUser['role'], regionCode: string | null): SessionUser => ({
		id: 'u',
		email: 'u@example.nl',
		name: 'U',
		role,
		regionCode,
		isCoordinator: false
	});

	it('lets a WSP member into their own region only, and an admin into every region', () => {
		expect(staffRegion(user('wsp', 'AM03'), 'AM03').code).toBe('AM03');
		expect(() => staffRegion(user('wsp', 'AM03'), 'AM01')).toThrow(expect.objectContaining({ status: 403 }));
		expect(() => staffRegion(user('wsp', null), 'AM03')).toThrow(expect.objectContaining({ status: 403 }));
		expect(() => staffRegion(user('intermediair', null), 'AM03')).toThrow(
			expect.objectContaining({ status: 403 })
		);
		expect(staffRegion(user('admin', null), 'am01').code).toBe('AM01');
		expect(() => staffRegion(user('admin', null), 'AM04')).toThrow(expect.objectContaining({ status: 404 }));
	});
});
