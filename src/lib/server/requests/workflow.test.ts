import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import { fakeClock } from '../clock';
import type { Database } from '../db/database';
import { addNote, replyToEmployer } from './conversation';
import { getRequestDetail } from './detail';
import { reassignRequest } from './reassign';
import { getEmployerStatus } from './status';
import { submitInterest } from './submit';
import { EMPLOYER, insertCandidate, insertStaff, newKvk, REGION_A, unpublish } from './test-fixtures';
import { changeStatus, recordCandidateConsent, recordFirstContact } from './workflow';

let db: Database;
beforeAll(async () => {
	db = await createTestDatabase();
});
afterAll(() => db?.close());

const origin = 'https://kv.example';
const clock = fakeClock('2026-02-02T09:00:00Z');

async function newRequest() {
	const adviser = await insertStaff(db.sql, { region: REGION_A.code });
	const ref = await insertCandidate(db.sql, REGION_A, { consultantEmail: adviser.email });
	const employer = { ...EMPLOYER, kvkNumber: newKvk() };
	const result = await submitInterest(db.sql, { employer, refs: [ref], origin, clock });
	if (!result.ok) throw new Error('expected ok');
	const ctx = { user: adviser, clock, origin };
	const caseId = result.caseIds[0];
	return { adviser, ref, token: result.token, id: result.requestIds[0], caseId, ctx };
}

const mailsFor = (id: number, kind: string) =>
	db.sql`select to_address, reply_to, subject, text_body from mail_outbox
		where kind = ${kind} and ((related_type = 'interest_request' and related_id = ${String(id)})
			or (related_type = 'request_case' and related_id in (
				select case_id::text from interest_requests where id = ${id})))
		order by created_at, id`;

describe('the adviser workflow', () => {
	it('walks the steps, refuses skipping, and tells the employer by mail', async () => {
		const { id, ctx, token, ref } = await newRequest();
		expect(await changeStatus(db.sql, id, ctx, 'wil_kennismaken', null)).toMatchObject({
			ok: false,
			reason: 'transition'
		});
		expect((await changeStatus(db.sql, id, ctx, 'in_behandeling', null)).ok).toBe(true);
		expect((await changeStatus(db.sql, id, ctx, 'kandidaat_benaderd', null)).ok).toBe(true);
		expect((await changeStatus(db.sql, id, ctx, 'wil_kennismaken', null)).ok).toBe(true);
		expect(await changeStatus(db.sql, id, ctx, 'afgerond', null)).toMatchObject({
			ok: false,
			reason: 'outcome_required'
		});
		const updates = await mailsFor(id, 'interest.employer_update');
		expect(updates).toHaveLength(3);
		expect(updates.map((m) => m.to_address)).toEqual([EMPLOYER.email, EMPLOYER.email, EMPLOYER.email]);
		// Answerable, about a named candidate, with a link of its own straight to the status page.
		const last = updates[2];
		expect(last.reply_to).toBe(ctx.user.email);
		expect(last.subject).toContain(ref);
		expect(last.text_body).toContain('Wil werken in logistiek');
		const link = /\/aanvraag\/([a-z2-7]{32})/.exec(last.text_body)![1];
		expect(link).not.toBe(token);
		expect((await getEmployerStatus(db.sql, link, clock.now()))?.companyName).toBe(EMPLOYER.companyName);
		const status = await getEmployerStatus(db.sql, token, clock.now());
		expect(status?.cases[0].lines[0].statusLabel).toBe('De kandidaat wil graag kennismaken');
		const audit = await db.sql`
			select action, user_id from audit_log where subject_type = 'interest_request' and subject_id = ${String(id)}`;
		expect(audit.map((a) => a.action)).toEqual([
			'interest-request-status-changed',
			'interest-request-status-changed',
			'interest-request-status-changed'
		]);
		expect(audit.every((a) => a.user_id === ctx.user.id)).toBe(true);
	});

	it("needs the candidate's recorded consent before an outcome that shares their details", async () => {
		const { id, ctx } = await newRequest();
		await changeStatus(db.sql, id, ctx, 'in_behandeling', null);
		await changeStatus(db.sql, id, ctx, 'kandidaat_benaderd', null);
		await changeStatus(db.sql, id, ctx, 'wil_kennismaken', null);
		expect(await changeStatus(db.sql, id, ctx, 'afgerond', 'gesprek_gepland')).toMatchObject({
			ok: false,
			reason: 'consent_required'
		});
		expect((await recordCandidateConsent(db.sql, id, ctx)).ok).toBe(true);
		expect((await changeStatus(db.sql, id, ctx, 'afgerond', 'gesprek_gepland')).ok).toBe(true);
		const detail = await getRequestDetail(db.sql, id, clock.now());
		expect(detail).toMatchObject({ status: 'afgerond', outcomeLabel: 'Gesprek gepland' });
		expect(detail?.consent?.by).toBe(ctx.user.name);
	});

	it('records first contact once; a reply counts as contact, is mailed and appears on the status page', async () => {
		const { id, ctx, token } = await newRequest();
		expect((await replyToEmployer(db.sql, id, ctx, '   ')).ok).toBe(false);
		expect((await replyToEmployer(db.sql, id, ctx, 'Ik bel u morgen om 10 uur.')).ok).toBe(true);
		expect(await recordFirstContact(db.sql, id, ctx)).toMatchObject({ ok: false, reason: 'already' });
		const [mail] = await mailsFor(id, 'interest.employer_update');
		expect(mail.text_body).toContain('Ik bel u morgen om 10 uur.');
		const status = await getEmployerStatus(db.sql, token, clock.now());
		expect(status?.cases[0].lines[0].replies.map((r) => r.text)).toEqual(['Ik bel u morgen om 10 uur.']);
		expect(status?.cases[0].firstContactAt).not.toBeNull();
		expect(status?.cases[0].lines[0].statusLabel).toBe('In behandeling');
	});

	it('keeps notes internal', async () => {
		const { id, ctx, token } = await newRequest();
		expect((await addNote(db.sql, id, ctx, 'Kandidaat heeft voorkeur voor ochtend.')).ok).toBe(true);
		const status = await getEmployerStatus(db.sql, token, clock.now());
		expect(status?.cases[0].lines[0].replies).toEqual([]);
		const detail = await getRequestDetail(db.sql, id, clock.now());
		expect(detail?.events.map((e) => e.kind)).toEqual(['created', 'note']);
	});

	it('reassigns to a colleague of the same team only, with the decision stored and the colleague mailed', async () => {
		const { id, ctx } = await newRequest();
		const colleague = await insertStaff(db.sql, { region: REGION_A.code, name: 'Collega Bos' });
		const stranger = await insertStaff(db.sql, { region: 'AM18' });
		expect(await reassignRequest(db.sql, id, ctx, stranger.id)).toMatchObject({
			ok: false,
			reason: 'not_in_team'
		});
		expect((await reassignRequest(db.sql, id, ctx, colleague.id)).ok).toBe(true);
		const detail = await getRequestDetail(db.sql, id, clock.now());
		expect(detail?.assignedUserId).toBe(colleague.id);
		expect(detail?.routings.map((r) => r.reason)).toEqual([
			'Eigen klantmanager van de kandidaat',
			'Doorgezet door een collega'
		]);
		const mails = await mailsFor(id, 'interest.staff_notification');
		expect(mails.map((m) => m.to_address)).toContain(colleague.email);
	});

	it('keeps a request workable when the profile is unpublished, and says so', async () => {
		const { id, ctx, ref } = await newRequest();
		await unpublish(db.sql, ref);
		const detail = await getRequestDetail(db.sql, id, clock.now());
		expect(detail).toMatchObject({ stillPublished: false, publicRef: ref });
		expect(detail?.snapshot.id).toBe(ref);
		expect(detail?.klantnummer).toMatch(/^K/);
		expect((await changeStatus(db.sql, id, ctx, 'in_behandeling', null)).ok).toBe(true);
	});
});
