import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestSmtpServer, type TestSmtpServer } from '../../../../tests/helpers/smtp-server';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import { fakeClock } from '../clock';
import type { Database } from '../db/database';
import { enqueueMail, listUndelivered, retryMail } from './outbox';
import { createSmtpTransport, type MailTransport } from './transport';
import { MAX_ATTEMPTS, processOutbox, SENDING_LEASE_MS } from './worker';

let db: Database;
let smtp: TestSmtpServer;
let transport: MailTransport;

beforeAll(async () => {
	db = await createTestDatabase();
	smtp = await startTestSmtpServer();
	transport = createSmtpTransport(smtp.url, 'noreply@kandidatenverkenner.example');
});
afterAll(async () => {
	transport?.close();
	await smtp?.stop();
	await db?.close();
});
beforeEach(async () => {
	smtp.setDown(false);
	smtp.messages.length = 0;
	await db.sql`delete from mail_outbox`;
});

const mail = (n: number, extra: Partial<Parameters<typeof enqueueMail>[1]> = {}) => ({
	to: `wsp${n}@gemeente.example`,
	subject: `Bericht ${n}`,
	text: `Hallo ${n}`,
	kind: 'test',
	...extra
});

const statusOf = async (id: string) =>
	(await db.sql`select status, attempts, next_attempt_at from mail_outbox where id = ${id}`)[0];

describe('mail outbox', () => {
	it('delivers a queued message exactly once, with a Message-ID derived from its outbox id', async () => {
		const id = (await enqueueMail(db.sql, mail(1)))!;
		const clock = fakeClock(new Date());
		expect(await processOutbox(db.sql, transport, clock)).toEqual({ sent: 1, retrying: 0, failed: 0 });
		expect(await processOutbox(db.sql, transport, clock)).toEqual({ sent: 0, retrying: 0, failed: 0 });
		expect(smtp.messages).toHaveLength(1);
		const received = smtp.messages[0];
		expect(received.subject).toBe('Bericht 1');
		expect(received.text?.trim()).toBe('Hallo 1');
		expect(received.messageId).toBe(`<outbox.${id}@kandidatenverkenner.example>`);
		expect((await statusOf(id)).status).toBe('sent');
	});

	it('sends the Reply-To and extra headers that were queued with the message', async () => {
		await enqueueMail(
			db.sql,
			mail(9, { replyTo: 'adviseur@wsp.example', headers: { 'X-Kandidatenverkenner': 'aanvraag' } })
		);
		await processOutbox(db.sql, transport, fakeClock(new Date()));
		const received = smtp.messages[0];
		expect(received.replyTo?.value[0].address).toBe('adviseur@wsp.example');
		expect(received.headers.get('x-kandidatenverkenner')).toBe('aanvraag');
	});

	it('sends nothing when the transaction that queued the message rolls back', async () => {
		await db.sql
			.begin(async (tx) => {
				await enqueueMail(tx, mail(2));
				throw new Error('rollback');
			})
			.catch(() => {});
		await processOutbox(db.sql, transport, fakeClock(new Date()));
		expect(smtp.messages).toHaveLength(0);
	});

	it('ignores a second message with the same dedupe key', async () => {
		const first = await enqueueMail(db.sql, mail(3, { dedupeKey: 'request:42:confirmation' }));
		const second = await enqueueMail(db.sql, mail(3, { dedupeKey: 'request:42:confirmation' }));
		expect(first).toEqual(expect.any(String));
		expect(second).toBeNull();
		await processOutbox(db.sql, transport, fakeClock(new Date()));
		expect(smtp.messages).toHaveLength(1);
	});

	it('retries with growing pauses while the mail server is down and delivers once it is back', async () => {
		const id = (await enqueueMail(db.sql, mail(4)))!;
		const clock = fakeClock(new Date());
		smtp.setDown(true);
		expect(await processOutbox(db.sql, transport, clock)).toMatchObject({ retrying: 1 });
		const first = await statusOf(id);
		expect(first.status).toBe('queued');
		expect(first.next_attempt_at.getTime() - clock.now().getTime()).toBe(60_000);

		clock.advance(30_000); // not due yet
		expect(await processOutbox(db.sql, transport, clock)).toEqual({ sent: 0, retrying: 0, failed: 0 });
		clock.advance(30_000);
		await processOutbox(db.sql, transport, clock);
		expect((await statusOf(id)).next_attempt_at.getTime() - clock.now().getTime()).toBe(120_000);

		smtp.setDown(false);
		clock.advance(120_000);
		expect(await processOutbox(db.sql, transport, clock)).toMatchObject({ sent: 1 });
		expect(smtp.messages).toHaveLength(1);
		expect(await statusOf(id)).toMatchObject({ status: 'sent', attempts: 3 });
	});

	it('gives up after the last attempt, shows it to admins, and sends it after "opnieuw proberen"', async () => {
		const id = (await enqueueMail(db.sql, mail(5)))!;
		await db.sql`update mail_outbox set attempts = ${MAX_ATTEMPTS - 1} where id = ${id}`;
		const clock = fakeClock(new Date());
		smtp.setDown(true);
		expect(await processOutbox(db.sql, transport, clock)).toMatchObject({ failed: 1 });
		const [listed] = await listUndelivered(db.sql);
		expect(listed).toMatchObject({
			id,
			kind: 'test',
			status: 'failed',
			lastError: expect.stringMatching(/421/)
		});
		expect(listed.lastError).not.toContain('@');

		smtp.setDown(false);
		expect(await retryMail(db.sql, id)).toBe(true);
		expect(await processOutbox(db.sql, transport, clock)).toMatchObject({ sent: 1 });
		expect(await listUndelivered(db.sql)).toEqual([]);
	});

	it('sends a message left in "sending" by a crashed worker once its lease has run out', async () => {
		const id = (await enqueueMail(db.sql, mail(6)))!;
		const clock = fakeClock(new Date());
		const crashing: MailTransport = {
			name: 'smtp',
			send: () => new Promise(() => {}), // the process dies mid-conversation: never settles
			close() {}
		};
		void processOutbox(db.sql, crashing, clock);
		await expect.poll(async () => (await statusOf(id)).status).toBe('sending');

		expect(await processOutbox(db.sql, transport, clock)).toEqual({ sent: 0, retrying: 0, failed: 0 });
		clock.advance(SENDING_LEASE_MS);
		expect(await processOutbox(db.sql, transport, clock)).toMatchObject({ sent: 1 });
		expect(smtp.messages).toHaveLength(1);
		expect(await statusOf(id)).toMatchObject({ status: 'sent', attempts: 2 });
	});
});
