-- Transactional outbox: a message is inserted in the same transaction as the data it is about, and a
-- background worker delivers it. Bodies are kept for delivery only; admins see kind and status.

create table mail_outbox (
	id text primary key,
	created_at timestamptz not null default now(),
	kind text not null,
	to_address text not null,
	subject text not null,
	text_body text not null,
	html_body text,
	dedupe_key text unique,
	related_type text,
	related_id text,
	status text not null default 'queued' check (status in ('queued', 'sending', 'sent', 'failed')),
	attempts integer not null default 0,
	-- Null = due now. While `sending` it is the lease: past it, a crashed worker's message is retried.
	next_attempt_at timestamptz,
	-- Error codes only (e.g. "EENVELOPE 421"): server replies can quote addresses.
	last_error text,
	sent_at timestamptz,
	message_id text
);
create index mail_outbox_due on mail_outbox (next_attempt_at nulls first, created_at)
	where status in ('queued', 'sending');
create index mail_outbox_related on mail_outbox (related_type, related_id);
