import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import { oneRegion } from '../auth/scope';
import { fakeClock } from '../clock';
import type { Database } from '../db/database';
import { getRequestDetail } from './detail';
import { setAccountManager } from './employers';
import { listInbox } from './inbox';
import { getEmployerStatus } from './status';
import { contactMoments, parseStepForm, recordStep, type StepInput } from './steps';
import { submitInterest } from './submit';
import { completeTask, listTasks } from './tasks';
import { EMPLOYER, insertCandidate, insertStaff, newKvk } from './test-fixtures';
import { recordCandidateConsent } from './workflow';

let db: Database;
beforeAll(async () => {
	db = await createTestDatabase();
});
afterAll(() => db?.close());

const origin = 'https://kv.example';
const clock = fakeClock('2026-02-02T09:00:00Z');
const region = { code: 'AM20', municipality: '' };
beforeAll(async () => {
	const [m] = await db.sql`select code from municipalities where region_code = ${region.code} limit 1`;
	region.municipality = m.code;
});

const form = (fields: Record<string, string>) => {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) f.set(k, v);
	return f;
};
const step = (fields: Record<string, string>): StepInput => {
	const parsed = parseStepForm(form(fields));
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return parsed.step;
};

async function newCase(candidates = 3) {
	const adviser = await insertStaff(db.sql, { region: region.code });
	const consultant = await insertStaff(db.sql, { region: region.code });
	const refs = [];
	for (let i = 0; i < candidates; i++) {
		refs.push(
			await insertCandidate(db.sql, region, { consultantEmail: i === 0 ? adviser.email : consultant.email })
		);
	}
	const result = await submitInterest(db.sql, {
		employer: { ...EMPLOYER, kvkNumber: newKvk() },
		refs,
		origin,
		clock
	});
	if (!result.ok) throw new Error('expected ok');
	return { adviser, consultant, refs, result, ctx: { user: adviser, clock, origin } };
}

describe('step form', () => {
	it('asks for what each step needs, in Dutch', () => {
		expect(parseStepForm(form({ stap: 'kennismakingsgesprek' }))).toEqual({
			ok: false,
			errors: { datum: 'Vul de datum van het gesprek in.' }
		});
		expect(parseStepForm(form({ stap: 'geplaatst', start: '2026-03-01' }))).toMatchObject({
			ok: false,
			errors: { contract: 'Kies het soort contract.' }
		});
		expect(
			parseStepForm(form({ stap: 'proefplaatsing', start: '2026-03-01', einde: '2026-02-01' }))
		).toMatchObject({
			ok: false,
			errors: { einde: 'De einddatum ligt voor de start.' }
		});
		expect(parseStepForm(form({ stap: 'sollicitatiegesprek', datum: '2026-02-30' }))).toMatchObject({
			ok: false,
			errors: { datum: 'Deze datum bestaat niet.' }
		});
		expect(parseStepForm(form({ stap: 'geen_match' }))).toMatchObject({
			ok: false,
			errors: { reden: 'Vul de reden in.' }
		});
		expect(parseStepForm(form({ stap: 'iets' }))).toMatchObject({ ok: false });
	});

	it('puts contact moments at 2 and 6 weeks and two weeks before the end, at 09:00 Amsterdam time', () => {
		const moments = contactMoments('2026-03-02', '2026-09-01');
		expect(moments.map((m) => [m.kind, m.dueAt.toISOString()])).toEqual([
			['contact_2_weken', '2026-03-16T08:00:00.000Z'],
			['contact_6_weken', '2026-04-13T07:00:00.000Z'],
			['contact_contracteinde', '2026-08-18T07:00:00.000Z']
		]);
		expect(contactMoments('2026-03-02', null)).toHaveLength(2);
	});
});

describe('follow-through in a case', () => {
	it('confirms agreements to the employer by mail and shows the step on the status page', async () => {
		const { result, ctx } = await newCase(2);
		const id = result.requestIds[0];
		const done = await recordStep(
			db.sql,
			id,
			ctx,
			step({
				stap: 'kennismakingsgesprek',
				datum: '2026-02-10',
				plaats: 'Bakkerij, Dorpsstraat 1',
				afspraken: 'Ik neem twee profielen mee.'
			})
		);
		expect(done.ok).toBe(true);
		const [mail] = await db.sql`
			select to_address, reply_to, subject, text_body from mail_outbox
			where kind = 'interest.employer_agreement' and related_id = ${String(result.caseIds[0])}`;
		expect(mail.subject).toBe('Bevestiging: kennismakingsgesprek bij de werkgever');
		expect(mail.reply_to).toBe(ctx.user.email);
		expect(mail.text_body).toContain('10 februari 2026');
		expect(mail.text_body).toContain('Bakkerij, Dorpsstraat 1');
		expect(mail.text_body).toContain('Ik neem twee profielen mee.');
		const status = await getEmployerStatus(db.sql, result.token, clock.now());
		expect(status?.cases[0].steps[0].label).toBe('Kennismakingsgesprek bij de werkgever');
	});

	it('a placement needs consent, closes the line and gives the adviser its contact moments as due tasks', async () => {
		const { result, ctx } = await newCase(2);
		const id = result.requestIds[1];
		const placed = step({
			stap: 'geplaatst',
			start: '2026-03-02',
			einde: '2026-09-01',
			contract: 'bepaalde_tijd'
		});
		expect(await recordStep(db.sql, id, ctx, placed)).toMatchObject({
			ok: false,
			reason: 'consent_required'
		});
		await recordCandidateConsent(db.sql, id, ctx);
		expect((await recordStep(db.sql, id, ctx, placed)).ok).toBe(true);
		const detail = await getRequestDetail(db.sql, id, clock.now());
		expect(detail).toMatchObject({ status: 'afgerond', outcomeLabel: 'Geplaatst' });
		// The other candidate of the case is still open.
		expect(detail?.lines.map((l) => l.statusLabel)).toEqual(['Nieuw', 'Afgerond: Geplaatst']);

		const tasksAt = (now: Date) =>
			listTasks(db.sql, { scope: oneRegion(region.code), userId: ctx.user.id, now, soonHours: 4 });
		const before = await tasksAt(new Date('2026-03-10T09:00:00Z'));
		expect(before.rows.map((t) => t.kind)).toEqual([
			'contact_2_weken',
			'contact_6_weken',
			'contact_contracteinde'
		]);
		expect(before.counters).toEqual({ open: 3, soon: 0, late: 0 });
		const due = await tasksAt(new Date('2026-03-16T09:00:00Z'));
		expect(due.counters).toMatchObject({ late: 1 });
		expect(due.rows[0].due).toBe('late');
		expect((await completeTask(db.sql, ctx.user, due.rows[0].id, clock.now())).ok).toBe(true);
		expect((await tasksAt(new Date('2026-03-16T09:00:00Z'))).counters).toEqual({ open: 2, soon: 0, late: 0 });
		// Another region's member cannot touch it.
		const stranger = await insertStaff(db.sql, { region: 'AM01' });
		await expect(completeTask(db.sql, stranger, due.rows[1].id, clock.now())).rejects.toMatchObject({
			status: 403
		});
	});

	it('a turned-down candidate gives their own consultant an after-care task', async () => {
		const { result, ctx, consultant } = await newCase(2);
		const id = result.requestIds[1];
		expect(
			(await recordStep(db.sql, id, ctx, step({ stap: 'geen_match', reden: 'Werktijden passen niet' }))).ok
		).toBe(true);
		const tasks = await listTasks(db.sql, {
			scope: oneRegion(region.code),
			userId: consultant.id,
			now: clock.now(),
			soonHours: 4
		});
		expect(tasks.rows.map((t) => [t.kind, t.requestId])).toEqual([['nazorg', id]]);
		const status = await getEmployerStatus(db.sql, result.token, clock.now());
		// The reason is for the team; the employer sees the outcome.
		expect(status?.cases[0].steps[0].facts.join(' ')).not.toContain('Werktijden');
	});
});

describe('the fixed contact in the inbox', () => {
	it('is shown with the case and only a coordinator or admin can change it, to a member of the team', async () => {
		const { result, ctx } = await newCase(3);
		const inbox = await listInbox(
			db.sql,
			ctx.user,
			{ scope: 'mine', status: 'open', overdue: false, olderThanDays: null, region: null },
			clock.now(),
			4
		);
		const row = inbox.rows.find((r) => r.caseId === result.caseIds[0])!;
		expect(row.lines).toHaveLength(3);
		const [{ employer_id: employerId }] = await db.sql`
			select employer_id::int from request_cases where id = ${result.caseIds[0]}`;
		const colleague = await insertStaff(db.sql, { region: region.code, name: 'Nieuwe Contact' });
		expect(
			await setAccountManager(db.sql, { employerId, userId: colleague.id, by: ctx.user, now: clock.now() })
		).toMatchObject({ ok: false, reason: 'forbidden' });
		const coordinator = await insertStaff(db.sql, { region: region.code, coordinator: true });
		const outsider = await insertStaff(db.sql, { region: 'AM01' });
		expect(
			await setAccountManager(db.sql, { employerId, userId: outsider.id, by: coordinator, now: clock.now() })
		).toMatchObject({ ok: false, reason: 'not_in_team' });
		expect(
			(
				await setAccountManager(db.sql, {
					employerId,
					userId: colleague.id,
					by: coordinator,
					now: clock.now()
				})
			).ok
		).toBe(true);
		const detail = await getRequestDetail(db.sql, result.requestIds[0], clock.now());
		expect(detail?.fixedContact).toMatchObject({ name: 'Nieuwe Contact', setByName: coordinator.name });
	});
});
