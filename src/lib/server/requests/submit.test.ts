import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import { startTestSmtpServer } from '../../../../tests/helpers/smtp-server';
import { fakeClock } from '../clock';
import type { Database } from '../db/database';
import { processOutbox } from '../mail/worker';
import { createSmtpTransport } from '../mail/transport';
import { getEmployerStatus } from './status';
import { submitInterest } from './submit';
import { EMPLOYER, insertCandidate, insertStaff, REGION_A, REGION_B, unpublish } from './test-fixtures';
import { hashStatusToken } from './token';

let db: Database;
beforeAll(async () => {
	db = await createTestDatabase();
});
afterAll(() => db?.close());

const origin = 'https://kv.example';
const clock = fakeClock('2026-02-02T09:00:00Z');
const submit = (refs: string[], employer = EMPLOYER) =>
	submitInterest(db.sql, { employer, refs, origin, clock });

describe('submitInterest', () => {
	it('stores one request per profile, each routed to its own region, with every mail queued', async () => {
		const a = await insertStaff(db.sql, { region: REGION_A.code });
		const b = await insertStaff(db.sql, { region: REGION_B.code });
		const refA = await insertCandidate(db.sql, REGION_A, { consultantEmail: a.email });
		const refB = await insertCandidate(db.sql, REGION_B);
		const result = await submit([refA, refB]);
		if (!result.ok) throw new Error('expected ok');
		expect(result.token).toMatch(/^[a-z2-7]{32}$/);
		const requests = await db.sql`
			select region_code, assigned_user_id, snapshot->>'id' as ref, due_at from interest_requests
			where submission_id = ${result.submissionId} order by id`;
		expect(requests.map((r) => [r.region_code, r.assigned_user_id, r.ref])).toEqual([
			[REGION_A.code, a.id, refA],
			[REGION_B.code, b.id, refB]
		]);
		expect(requests[0].due_at.toISOString()).toBe('2026-02-03T09:00:00.000Z');
		const routings = await db.sql`
			select reason from request_routings r join interest_requests i on i.id = r.request_id
			where i.submission_id = ${result.submissionId} order by r.id`;
		expect(routings.map((r) => r.reason)).toEqual(['own_consultant', 'fewest_open']);
		const mail = await db.sql`
			select kind, to_address, text_body from mail_outbox
			where (related_type = 'employer_submission' and related_id = ${String(result.submissionId)})
				or (related_type = 'interest_request' and related_id in (
					select id::text from interest_requests where submission_id = ${result.submissionId}))
			order by kind, to_address`;
		expect(mail.map((m) => [m.kind, m.to_address])).toEqual([
			['interest.employer_confirmation', EMPLOYER.email],
			...[
				['interest.staff_notification', a.email],
				['interest.staff_notification', b.email]
			].sort((x, y) => x[1].localeCompare(y[1]))
		]);
		const confirmation = mail.find((m) => m.kind === 'interest.employer_confirmation')!;
		expect(confirmation.text_body).toContain(`${origin}/aanvraag/${result.token}`);
		expect(confirmation.text_body).toContain('uiterlijk dinsdag 3 februari om 10:00');
		for (const m of mail.filter((x) => x.kind === 'interest.staff_notification')) {
			expect(m.text_body).not.toContain(refA);
			expect(m.text_body).not.toContain(EMPLOYER.companyName);
			expect(m.text_body).toMatch(/\/wsp\/aanvragen\/\d+/);
		}
	});

	it('stores only a hash of the status token, and the token opens the status page', async () => {
		await insertStaff(db.sql, { region: REGION_A.code });
		const ref = await insertCandidate(db.sql, REGION_A);
		const result = await submit([ref]);
		if (!result.ok) throw new Error('expected ok');
		const [row] = await db.sql`select token_hash from employer_submissions where id = ${result.submissionId}`;
		expect(row.token_hash).toBe(hashStatusToken(result.token));
		const status = await getEmployerStatus(db.sql, result.token);
		expect(status?.requests).toHaveLength(1);
		expect(status?.requests[0]).toMatchObject({ publicRef: ref, statusLabel: 'Ontvangen' });
		expect(await getEmployerStatus(db.sql, 'a'.repeat(32))).toBeNull();
	});

	it('refuses profiles that are not published, and stores nothing', async () => {
		const ok = await insertCandidate(db.sql, REGION_A);
		const gone = await insertCandidate(db.sql, REGION_A);
		await unpublish(db.sql, gone);
		const [before] = await db.sql`select count(*)::int as n from employer_submissions`;
		expect(await submit([ok, gone])).toEqual({ ok: false, unavailable: [gone] });
		const [after] = await db.sql`select count(*)::int as n from employer_submissions`;
		expect(after.n).toBe(before.n);
	});

	it('is one transaction: a failure in the middle leaves no request and no mail', async () => {
		await insertStaff(db.sql, { region: REGION_A.code });
		const ref = await insertCandidate(db.sql, REGION_A);
		const count = async () =>
			(
				await db.sql`
				select (select count(*) from employer_submissions)::int as s,
					(select count(*) from interest_requests)::int as r,
					(select count(*) from mail_outbox)::int as m`
			)[0];
		const before = await count();
		await db.sql.unsafe(`
			create function fail_routing() returns trigger language plpgsql as $$
			begin raise exception 'simulated failure'; end $$;
			create trigger fail_routing before insert on request_routings
				for each row execute function fail_routing();`);
		try {
			await expect(submit([ref])).rejects.toThrow('simulated failure');
		} finally {
			await db.sql.unsafe('drop trigger fail_routing on request_routings; drop function fail_routing();');
		}
		expect(await count()).toEqual(before);
	});

	it('accepts requests while SMTP is down and delivers every mail after it returns', async () => {
		const smtp = await startTestSmtpServer();
		const transport = createSmtpTransport(smtp.url, 'noreply@kv.example');
		try {
			await processOutbox(db.sql, transport, clock, { batch: 100 });
			smtp.setDown(true);
			const adviser = await insertStaff(db.sql, { region: REGION_B.code });
			const ref = await insertCandidate(db.sql, REGION_B, { consultantEmail: adviser.email });
			const employer = { ...EMPLOYER, email: 'smtp-down@employer.example' };
			const result = await submit([ref], employer);
			expect(result.ok).toBe(true);
			const down = await processOutbox(db.sql, transport, clock, { batch: 100 });
			expect(down.sent).toBe(0);
			expect(down.retrying).toBeGreaterThanOrEqual(2);
			smtp.setDown(false);
			clock.advance(60 * 60_000);
			await processOutbox(db.sql, transport, clock, { batch: 100 });
			await smtp.waitForMessage(
				(m) => m.subject === 'Uw aanvraag is ontvangen' && JSON.stringify(m.to).includes(employer.email)
			);
			await smtp.waitForMessage((m) => JSON.stringify(m.to).includes(adviser.email));
		} finally {
			transport.close();
			await smtp.stop();
		}
	});

	it('keeps a request workable when its profile is unpublished afterwards, and says so', async () => {
		const ref = await insertCandidate(db.sql, REGION_A);
		const result = await submit([ref]);
		if (!result.ok) throw new Error('expected ok');
		await unpublish(db.sql, ref);
		const status = await getEmployerStatus(db.sql, result.token);
		expect(status?.requests[0]).toMatchObject({ stillPublished: false, title: expect.any(String) });
	});
});
