import type { AppContext } from '../app';
import { systemClock, type Clock } from '../clock';
import type { Sql } from '../db/database';
import { triggerJob, type PeriodicJob } from '../jobs/periodic';
import { log } from '../log';
import { createMailTransport, type MailTransport } from './transport';

export const MAX_ATTEMPTS = 24;
// Longer than any SMTP conversation: a message still `sending` after this was left by a crashed worker.
export const SENDING_LEASE_MS = 5 * 60 * 1000;
const POLL_INTERVAL_MS = 5000;

/** 1, 2, 4, 8 ... minutes, at most an hour: 24 attempts span about 19 hours. */
export function retryDelayMs(attempts: number): number {
	return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}

/** Server replies can quote the recipient's address: keep only the error code and SMTP status. */
function describeError(error: unknown): string {
	const e = error as { code?: unknown; responseCode?: unknown };
	const parts = [typeof e?.code === 'string' ? e.code : 'ERROR'];
	if (typeof e?.responseCode === 'number') parts.push(String(e.responseCode));
	return parts.join(' ');
}

export interface OutboxRun {
	sent: number;
	retrying: number;
	failed: number;
}

/**
 * Deliver due messages. Each is claimed by one atomic UPDATE (SKIP LOCKED, so instances never take the
 * same one) that also sets a lease; it is marked sent only after the transport accepted it. A crash
 * between the two leaves it `sending` until the lease ends, then it is sent again with the same Message-ID:
 * at least once, never lost.
 */
export async function processOutbox(
	sql: Sql,
	transport: MailTransport,
	clock: Clock,
	options: { batch?: number } = {}
): Promise<OutboxRun> {
	const now = clock.now();
	const claimed = await sql`
		update mail_outbox set status = 'sending', attempts = attempts + 1,
			next_attempt_at = ${new Date(now.getTime() + SENDING_LEASE_MS)}
		where id in (
			select id from mail_outbox
			where status in ('queued', 'sending') and (next_attempt_at is null or next_attempt_at <= ${now})
			order by next_attempt_at nulls first, created_at
			limit ${options.batch ?? 20}
			for update skip locked)
		returning id, to_address, subject, text_body, html_body, reply_to, headers, attempts`;
	const run: OutboxRun = { sent: 0, retrying: 0, failed: 0 };
	for (const row of claimed) {
		const mine = sql`id = ${row.id} and status = 'sending' and attempts = ${row.attempts}`;
		try {
			const { messageId } = await transport.send({
				id: row.id,
				to: row.to_address,
				subject: row.subject,
				text: row.text_body,
				html: row.html_body,
				replyTo: row.reply_to,
				headers: row.headers
			});
			await sql`update mail_outbox set status = 'sent', sent_at = ${clock.now()}, next_attempt_at = null,
				last_error = null, message_id = ${messageId} where ${mine}`;
			run.sent++;
		} catch (error) {
			const reason = describeError(error);
			const giveUp = row.attempts >= MAX_ATTEMPTS;
			const next = new Date(clock.now().getTime() + retryDelayMs(row.attempts));
			await sql`update mail_outbox set status = ${giveUp ? 'failed' : 'queued'},
				next_attempt_at = ${giveUp ? null : next}, last_error = ${reason} where ${mine}`;
			log.warn({ outboxId: row.id, attempts: row.attempts, reason, giveUp }, 'mail delivery failed');
			if (giveUp) run.failed++;
			else run.retrying++;
		}
	}
	return run;
}

export const OUTBOX_JOB = 'mail outbox';

/** Ask the outbox job to look at the outbox soon instead of at its next poll. No-op when none runs. */
export function nudgeMailWorker(delayMs = 0): void {
	triggerJob(OUTBOX_JOB, delayMs);
}

/**
 * Delivers the outbox every few seconds, and soon after a nudge. It runs in every instance: each claims
 * its own messages (SKIP LOCKED in processOutbox), so more instances deliver faster, never twice.
 */
export function outboxJob(
	transportOf: (app: AppContext) => MailTransport = (app) => createMailTransport(app.config),
	clock: Clock = systemClock
): PeriodicJob {
	let transport: MailTransport | undefined;
	return {
		name: OUTBOX_JOB,
		everyMs: POLL_INTERVAL_MS,
		scope: 'instance',
		async run(app) {
			if (!transport) {
				transport = transportOf(app);
				log.info({ transport: transport.name }, 'mail worker started');
			}
			const run = await processOutbox(app.db.sql, transport, clock);
			if (run.sent || run.retrying || run.failed) log.info({ ...run }, 'mail outbox processed');
		},
		stop() {
			transport?.close();
			transport = undefined;
		}
	};
}
