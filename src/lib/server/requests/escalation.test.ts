import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import { fakeClock } from '../clock';
import type { Database } from '../db/database';
import { escalateOverdue } from './escalation';
import { eraseExpiredSubmissions } from './retention';
import { getEmployerStatus } from './status';
import { submitInterest } from './submit';
import { EMPLOYER, insertCandidate, insertStaff, newKvk } from './test-fixtures';
import { changeStatus, recordFirstContact } from './workflow';

let db: Database;
beforeAll(async () => {
	db = await createTestDatabase();
});
afterAll(() => db?.close());

const origin = 'https://kv.example';
const HOUR = 3_600_000;
const region = { code: 'AM09', municipality: '' };

async function newRequest(clock: ReturnType<typeof fakeClock>) {
	const ref = await insertCandidate(db.sql, region);
	const employer = { ...EMPLOYER, kvkNumber: newKvk() };
	const result = await submitInterest(db.sql, { employer, refs: [ref], origin, clock });
	if (!result.ok) throw new Error('expected ok');
	return result;
}

beforeAll(async () => {
	const [m] = await db.sql`select code from municipalities where region_code = ${region.code} limit 1`;
	region.municipality = m.code;
});

describe('escalation of overdue requests', () => {
	it('mails the coordinator once, and the employer an apology with the WSP phone, only after the due time', async () => {
		await db.sql`update regions set wsp_phone = '0314 123 456' where code = ${region.code}`;
		const clock = fakeClock('2026-02-02T09:00:00Z');
		const coordinator = await insertStaff(db.sql, { region: region.code, coordinator: true });
		const adviser = await insertStaff(db.sql, { region: region.code });
		const { requestIds, caseIds, token } = await newRequest(clock);
		const contacted = await newRequest(clock);
		await recordFirstContact(db.sql, contacted.requestIds[0], { user: adviser, clock, origin });

		clock.advance(23 * HOUR);
		expect(await escalateOverdue(db.sql, clock, origin)).toBe(0);
		expect((await getEmployerStatus(db.sql, token, clock.now()))?.cases[0].overdue).toBe(false);
		clock.advance(HOUR);
		// The status page is honest as soon as the time has passed, even before the job ran.
		expect((await getEmployerStatus(db.sql, token, clock.now()))?.cases[0]).toMatchObject({
			overdue: true,
			wspPhone: '0314 123 456'
		});
		expect(await escalateOverdue(db.sql, clock, origin)).toBe(1);
		clock.advance(5 * HOUR);
		expect(await escalateOverdue(db.sql, clock, origin)).toBe(0);

		const mails = await db.sql`
			select to_address, related_id from mail_outbox where kind = 'interest.escalation'`;
		expect(mails.map((m) => [m.to_address, m.related_id])).toEqual([[coordinator.email, String(caseIds[0])]]);
		const apologies = await db.sql`
			select to_address, reply_to, subject, text_body from mail_outbox where kind = 'interest.employer_overdue'`;
		expect(apologies).toHaveLength(1);
		const [assigned] = await db.sql`
			select u.email from request_cases c join users u on u.id = c.assigned_user_id where c.id = ${caseIds[0]}`;
		expect(apologies[0]).toMatchObject({ to_address: EMPLOYER.email, reply_to: assigned.email });
		expect(apologies[0].subject).toContain('Excuses');
		expect(apologies[0].text_body).toContain('0314 123 456');
		expect(apologies[0].text_body).toMatch(/\/aanvraag\/[a-z2-7]{32}/);
		const [event] =
			await db.sql`select kind from request_events where request_id = ${requestIds[0]} and kind = 'escalated'`;
		expect(event.kind).toBe('escalated');
	});
});

describe('retention', () => {
	it('erases contact details of requests closed longer than 12 months; the token stops working', async () => {
		const clock = fakeClock('2025-01-06T09:00:00Z');
		const adviser = await insertStaff(db.sql, { region: region.code });
		const ctx = { user: adviser, clock, origin };
		const closed = await newRequest(clock);
		const open = await newRequest(clock);
		await changeStatus(db.sql, closed.requestIds[0], ctx, 'afgerond', 'geen_match');

		clock.advance(364 * 24 * HOUR);
		expect(await eraseExpiredSubmissions(db.sql, clock)).toBe(0);
		expect(await getEmployerStatus(db.sql, closed.token, clock.now())).not.toBeNull();

		clock.advance(3 * 24 * HOUR);
		expect(await eraseExpiredSubmissions(db.sql, clock)).toBe(1);
		expect(await getEmployerStatus(db.sql, closed.token, clock.now())).toBeNull();
		expect(await getEmployerStatus(db.sql, open.token, clock.now())).not.toBeNull();

		const [row] = await db.sql`
			select token_hash, company_name, kvk_number, contact_name, email, phone, message, job_title,
				hours_per_week, work_municipality_code
			from employer_submissions where id = ${closed.submissionId}`;
		expect(row).toMatchObject({
			token_hash: null,
			company_name: null,
			kvk_number: null,
			contact_name: null,
			email: null,
			phone: null,
			message: null,
			job_title: EMPLOYER.jobTitle,
			hours_per_week: EMPLOYER.hoursPerWeek
		});
		const [request] = await db.sql`
			select status, outcome, snapshot->>'id' as ref from interest_requests where id = ${closed.requestIds[0]}`;
		expect(request).toMatchObject({ status: 'afgerond', outcome: 'geen_match' });
		// The employer (KvK and fixed contact) is forgotten with its last request; the other stays known.
		const employers = await db.sql`
			select c.submission_id::int, c.employer_id from request_cases c
			where c.submission_id in (${closed.submissionId}, ${open.submissionId}) order by c.submission_id`;
		expect(employers.map((e) => e.employer_id === null)).toEqual([true, false]);
		const [links] = await db.sql`
			select count(*)::int as n from submission_links where submission_id = ${closed.submissionId}`;
		expect(links.n).toBe(0);
	});
});
