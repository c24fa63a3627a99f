import type { Queryable, Sql } from '../db/database';
import { generateSecureRandomString } from '../auth/random';
import { nudgeMailWorker } from './worker';

export interface OutgoingMailRequest {
	to: string;
	subject: string;
	text: string;
	html?: string;
	/** What sort of message this is (e.g. 'password-reset'); shown to admins instead of the body. */
	kind: string;
	/** A second enqueue with the same key is ignored: safe to call from code that may run twice. */
	dedupeKey?: string;
	related?: { type: string; id: string };
	/** Where answers go (e.g. the responsible adviser); without it, replies go to the From address. */
	replyTo?: string | null;
	/** Further header fields of this kind of mail, sent as given (names as in RFC 5322). */
	headers?: Record<string, string>;
}

/**
 * Queue a message for delivery. Pass the transaction that changes the data the message is about: the
 * message is then sent if and only if that transaction commits. Returns the outbox id, or null when
 * `dedupeKey` was queued before.
 */
export async function enqueueMail(sql: Queryable, mail: OutgoingMailRequest): Promise<string | null> {
	const id = generateSecureRandomString();
	const rows = await sql<{ id: string }[]>`
		insert into mail_outbox (id, kind, to_address, subject, text_body, html_body, dedupe_key, related_type,
			related_id, reply_to, headers)
		values (${id}, ${mail.kind}, ${mail.to}, ${mail.subject}, ${mail.text}, ${mail.html ?? null},
			${mail.dedupeKey ?? null}, ${mail.related?.type ?? null}, ${mail.related?.id ?? null},
			${mail.replyTo ?? null}, ${sql.json(mail.headers ?? {})})
		on conflict (dedupe_key) do nothing
		returning id`;
	if (!rows.length) return null;
	// Delayed a little: the caller's transaction usually commits within that time; if not, the next poll sends it.
	nudgeMailWorker(250);
	return id;
}

export interface OutboxEntry {
	id: string;
	kind: string;
	status: 'queued' | 'sending' | 'sent' | 'failed';
	attempts: number;
	createdAt: Date;
	nextAttemptAt: Date | null;
	lastError: string | null;
}

/** Messages that have not gone out (waiting, in progress or given up), for the admins' overview. */
export async function listUndelivered(sql: Sql, limit = 200): Promise<OutboxEntry[]> {
	const rows = await sql<
		{
			id: string;
			kind: string;
			status: OutboxEntry['status'];
			attempts: number;
			created_at: Date;
			next_attempt_at: Date | null;
			last_error: string | null;
		}[]
	>`
		select id, kind, status, attempts, created_at, next_attempt_at, last_error
		from mail_outbox where status <> 'sent'
		order by (status = 'failed') desc, created_at desc
		limit ${limit}`;
	return rows.map((r) => ({
		id: r.id,
		kind: r.kind,
		status: r.status,
		attempts: r.attempts,
		createdAt: r.created_at,
		nextAttemptAt: r.next_attempt_at,
		lastError: r.last_error
	}));
}

/** An admin's "try again": the message is due at once, with a fresh set of attempts. */
export async function retryMail(sql: Sql, id: string): Promise<boolean> {
	const rows = await sql<{ id: string }[]>`
		update mail_outbox set status = 'queued', attempts = 0, next_attempt_at = null
		where id = ${id} and status in ('failed', 'queued')
		returning id`;
	if (rows.length) nudgeMailWorker();
	return rows.length > 0;
}
