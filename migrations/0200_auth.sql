-- Staff accounts (admins, WSP advisers, intermediaries), their sessions, one-time links and the audit log.
-- Employers never have an account.

create table users (
	id text primary key,
	email text not null,
	-- Empty until an invited colleague accepts and fills in their own name.
	name text not null default '',
	role text not null check (role in ('admin', 'wsp', 'intermediair')),
	-- WSP members: the region whose team they are on; null = not (yet) on a team.
	region_code text references regions (code),
	is_coordinator boolean not null default false,
	-- Null until the invitee sets a password: such an account cannot log in.
	password_hash text,
	active boolean not null default true,
	absent_from timestamptz,
	absent_until timestamptz,
	backup_user_id text references users (id) on delete set null,
	organisation text,
	kvk text,
	approved_at timestamptz,
	email_verified_at timestamptz,
	created_at timestamptz not null default now(),
	deactivated_at timestamptz,
	check (absent_until is null or absent_from is null or absent_until > absent_from),
	check (backup_user_id is null or backup_user_id <> id)
);
create unique index users_email_unique on users (lower(email));
create index users_region on users (region_code) where active;

-- Only a hash of each token's secret is stored, so a leaked table does not let anyone log in.
create table sessions (
	id text primary key,
	secret_hash bytea not null,
	user_id text not null references users (id) on delete cascade,
	created_at timestamptz not null,
	last_verified_at timestamptz not null
);
create index sessions_user on sessions (user_id);

create table password_reset_tokens (
	token_hash text primary key,
	user_id text not null references users (id) on delete cascade,
	created_at timestamptz not null,
	expires_at timestamptz not null,
	used_at timestamptz
);
create index password_reset_tokens_user on password_reset_tokens (user_id);

create table invitations (
	token_hash text primary key,
	user_id text not null references users (id) on delete cascade,
	invited_by text references users (id) on delete set null,
	created_at timestamptz not null,
	expires_at timestamptz not null,
	accepted_at timestamptz
);
create index invitations_user on invitations (user_id);

-- Who did what to which record. `details` holds ids and codes only, never personal data.
create table audit_log (
	id bigserial primary key,
	at timestamptz not null default now(),
	user_id text,
	action text not null,
	subject_type text not null,
	subject_id text not null,
	details jsonb not null default '{}'
);
create index audit_log_subject on audit_log (subject_type, subject_id);
create index audit_log_at on audit_log (at);
