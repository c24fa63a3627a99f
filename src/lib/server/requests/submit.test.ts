import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import { startTestSmtpServer } from '../../../../tests/helpers/smtp-server';
import { fakeClock } from '../clock';
import type { Database } from '../db/database';
import { processOutbox } from '../mail/worker';
import { createSmtpTransport } from '../mail/transport';
import { getEmployerStatus } from './status';
import { submitInterest } from './submit';
import {
	EMPLOYER,
	insertCandidate,
	insertStaff,
	newKvk,
	REGION_A,
	REGION_B,
	unpublish
} from './test-fixtures';
import { hashToken } from '../auth/random';

let db: Database;
beforeAll(async () => {
	db = await createTestDatabase();
});
afterAll(() => db?.close());

const origin = 'https://kv.example';
const clock = fakeClock('2026-02-02T09:00:00Z');
// A KvK number of its own per test unless a test is about the same company coming back.
const submit = (refs: string[], employer = { ...EMPLOYER, kvkNumber: newKvk() }) =>
	submitInterest(db.sql, { employer, refs, origin, clock });

const outboxOf = (submissionId: number) => db.sql`
	select kind, to_address, reply_to, text_body from mail_outbox
	where (related_type = 'employer_submission' and related_id = ${String(submissionId)})
		or (related_type = 'request_case' and related_id in (
			select id::text from request_cases where submission_id = ${submissionId}))
		or (related_type = 'interest_request' and related_id in (
			select id::text from interest_requests where submission_id = ${submissionId}))
	order by kind, to_address`;

describe('submitInterest', () => {
	it('makes one case per region with one adviser, the candidates as its lines, and every mail queued', async () => {
		const a = await insertStaff(db.sql, { region: REGION_A.code, name: 'Anna Adviseur' });
		await db.sql`update users set phone = '030 111 22 33' where id = ${a.id}`;
		const b = await insertStaff(db.sql, { region: REGION_B.code });
		const refA1 = await insertCandidate(db.sql, REGION_A, { consultantEmail: a.email });
		const refA2 = await insertCandidate(db.sql, REGION_A);
		const refA3 = await insertCandidate(db.sql, REGION_A);
		const refB = await insertCandidate(db.sql, REGION_B);
		const result = await submit([refA1, refA2, refB, refA3]);
		if (!result.ok) throw new Error('expected ok');
		expect(result.token).toMatch(/^[a-z2-7]{32}$/);
		expect(result.caseIds).toHaveLength(2);
		const cases = await db.sql`
			select c.id::int, c.region_code, c.assigned_user_id, c.due_at,
				array_agg(r.public_ref order by r.id) as refs
			from request_cases c join interest_requests r on r.case_id = c.id
			where c.submission_id = ${result.submissionId} group by c.id order by c.id`;
		expect(cases.map((c) => [c.region_code, c.assigned_user_id, c.refs])).toEqual([
			[REGION_A.code, a.id, [refA1, refA2, refA3]],
			[REGION_B.code, b.id, [refB]]
		]);
		expect(cases[0].due_at.toISOString()).toBe('2026-02-03T09:00:00.000Z');
		const routings = await db.sql`
			select reason from request_routings where case_id = any(${result.caseIds}::bigint[]) order by id`;
		expect(routings.map((r) => r.reason)).toEqual(['own_consultant', 'fewest_open']);

		const mail = await outboxOf(result.submissionId);
		// One notification per case (not one per candidate), one confirmation per case.
		expect(mail.map((m) => [m.kind, m.to_address])).toEqual([
			['interest.employer_confirmation', EMPLOYER.email],
			['interest.employer_confirmation', EMPLOYER.email],
			...[
				['interest.staff_notification', a.email],
				['interest.staff_notification', b.email]
			].sort((x, y) => x[1].localeCompare(y[1]))
		]);
		const confirmations = mail.filter((m) => m.kind === 'interest.employer_confirmation');
		const toA = confirmations.find((m) => m.reply_to === a.email)!;
		expect(confirmations.find((m) => m.reply_to === b.email)).toBeDefined();
		expect(toA.text_body).toContain(`${origin}/aanvraag/${result.token}`);
		expect(toA.text_body).toContain('uiterlijk dinsdag 3 februari om 10:00');
		expect(toA.text_body).toContain('Anna Adviseur');
		expect(toA.text_body).toContain('030 111 22 33');
		expect(toA.text_body).toContain(a.email);
		for (const ref of [refA1, refA2, refA3]) expect(toA.text_body).toContain(ref);
		expect(toA.text_body).not.toContain(refB);
		expect(toA.text_body).toContain(`${origin}/voorzieningen?regio=${REGION_A.code}`);
		for (const m of mail.filter((x) => x.kind === 'interest.staff_notification')) {
			expect(m.text_body).not.toContain(refA1);
			expect(m.text_body).not.toContain(EMPLOYER.companyName);
			expect(m.text_body).toMatch(/\/wsp\/aanvragen\/\d+/);
		}
		const notification = mail.find((m) => m.to_address === a.email)!;
		expect(notification.text_body).toContain('3 kandidaten');
	});

	it("sends the same company's next request to its fixed contact, and to their backup when they are away", async () => {
		const kvk = newKvk();
		const employer = { ...EMPLOYER, kvkNumber: kvk };
		const region = { code: 'AM07', municipality: 'GM0202' };
		const first = await insertStaff(db.sql, { region: region.code });
		const first2 = await submit([await insertCandidate(db.sql, region)], employer);
		if (!first2.ok) throw new Error('expected ok');
		// A colleague with no open cases would win on "fewest open"; the fixed contact still gets it.
		const idle = await insertStaff(db.sql, { region: region.code });
		const next = await submit([await insertCandidate(db.sql, region)], employer);
		if (!next.ok) throw new Error('expected ok');
		const assigned = async (caseId: number) =>
			(await db.sql`select assigned_user_id from request_cases where id = ${caseId}`)[0].assigned_user_id;
		expect(await assigned(next.caseIds[0])).toBe(first.id);
		const [routing] = await db.sql`select reason from request_routings where case_id = ${next.caseIds[0]}`;
		expect(routing.reason).toBe('fixed_contact');
		const [known] = await db.sql`
			select account_manager_id, account_manager_set_by from employers
			where region_code = ${region.code} and kvk_number = ${kvk}`;
		expect(known).toEqual({ account_manager_id: first.id, account_manager_set_by: null });

		await db.sql`update users set absent_from = '2026-01-01', backup_user_id = ${idle.id} where id = ${first.id}`;
		const away = await submit([await insertCandidate(db.sql, region)], employer);
		if (!away.ok) throw new Error('expected ok');
		expect(await assigned(away.caseIds[0])).toBe(idle.id);
		const [backupRouting] =
			await db.sql`select reason from request_routings where case_id = ${away.caseIds[0]}`;
		expect(backupRouting.reason).toBe('fixed_contact_backup');
		// The fixed contact stays who it was.
		const [still] = await db.sql`
			select account_manager_id from employers where region_code = ${region.code} and kvk_number = ${kvk}`;
		expect(still.account_manager_id).toBe(first.id);
		// Another company in the same region is not affected.
		const other = await submit([await insertCandidate(db.sql, region)]);
		if (!other.ok) throw new Error('expected ok');
		const [otherRouting] =
			await db.sql`select reason from request_routings where case_id = ${other.caseIds[0]}`;
		expect(otherRouting.reason).toBe('fewest_open');
	});

	it("informs the candidate's own consultant when a colleague is the employer's contact", async () => {
		const kvk = newKvk();
		const employer = { ...EMPLOYER, kvkNumber: kvk };
		const region = { code: 'AM08', municipality: 'GM0209' };
		const fixed = await insertStaff(db.sql, { region: region.code, name: 'Vaste Contact' });
		const consultant = await insertStaff(db.sql, { region: region.code });
		const firstCase = await submit([await insertCandidate(db.sql, region)], employer);
		if (!firstCase.ok) throw new Error('expected ok');
		await db.sql`update request_cases set assigned_user_id = ${fixed.id} where id = ${firstCase.caseIds[0]}`;
		await db.sql`update employers set account_manager_id = ${fixed.id} where kvk_number = ${kvk}`;
		const ref = await insertCandidate(db.sql, region, { consultantEmail: consultant.email });
		const result = await submit([ref], employer);
		if (!result.ok) throw new Error('expected ok');
		const mail = await outboxOf(result.submissionId);
		const notice = mail.find((m) => m.kind === 'interest.consultant_notice');
		expect(notice?.to_address).toBe(consultant.email);
		expect(notice?.text_body).toContain('Vaste Contact is het vaste aanspreekpunt van de werkgever');
		expect(notice?.text_body).not.toContain(ref);
		expect(mail.filter((m) => m.kind === 'interest.employer_confirmation').map((m) => m.reply_to)).toEqual([
			fixed.email
		]);
	});

	it("lets answers go to the region's WSP mailbox while nobody is assigned", async () => {
		const region = { code: 'AM09', municipality: 'GM0197' };
		await db.sql`update regions set wsp_mailbox = 'wsp@am09.example', wsp_phone = '0800 123' where code = 'AM09'`;
		const result = await submit([await insertCandidate(db.sql, region)]);
		if (!result.ok) throw new Error('expected ok');
		const mail = await outboxOf(result.submissionId);
		const confirmation = mail.find((m) => m.kind === 'interest.employer_confirmation')!;
		expect(confirmation.reply_to).toBe('wsp@am09.example');
		expect(confirmation.text_body).toContain('0800 123');
	});

	it('stores only a hash of the status token, and the token opens the status page with every case', async () => {
		const adviser = await insertStaff(db.sql, { region: REGION_A.code, name: 'Bram Begeleider' });
		const ref = await insertCandidate(db.sql, REGION_A, { consultantEmail: adviser.email });
		const refB = await insertCandidate(db.sql, REGION_B);
		const result = await submit([ref, refB]);
		if (!result.ok) throw new Error('expected ok');
		const [row] = await db.sql`select token_hash from employer_submissions where id = ${result.submissionId}`;
		expect(row.token_hash).toBe(hashToken(result.token));
		const status = await getEmployerStatus(db.sql, result.token, clock.now());
		expect(status?.cases.map((c) => c.regionCode)).toEqual([REGION_A.code, REGION_B.code]);
		expect(status?.cases[0]).toMatchObject({
			adviser: { name: 'Bram Begeleider', email: adviser.email },
			overdue: false,
			lines: [{ publicRef: ref, statusLabel: 'Ontvangen' }]
		});
		expect(await getEmployerStatus(db.sql, 'a'.repeat(32), clock.now())).toBeNull();
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
		const status = await getEmployerStatus(db.sql, result.token, clock.now());
		expect(status?.cases[0].lines[0]).toMatchObject({ stillPublished: false, title: expect.any(String) });
	});
});
