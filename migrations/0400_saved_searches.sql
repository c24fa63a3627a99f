-- Intermediaries' registrations, saved searches and their e-mail alerts. A saved search keeps only the
-- search as it stands in the /kandidaten URL: never a candidate reference or any other candidate data.

-- What registration adds to a users row (role 'intermediair'); goes with the account.
create table registrations (
	user_id text primary key references users (id) on delete cascade,
	-- Employers may register the same way to keep searches; the difference is only shown to approvers.
	kind text not null check (kind in ('intermediair', 'werkgever')),
	phone text,
	consented_at timestamptz not null,
	created_at timestamptz not null
);

create table email_verification_tokens (
	token_hash text primary key,
	user_id text not null references users (id) on delete cascade,
	created_at timestamptz not null,
	expires_at timestamptz not null,
	used_at timestamptz
);
create index email_verification_tokens_user on email_verification_tokens (user_id);

create table saved_searches (
	-- Random, so an id says nothing about how many searches exist or whose they are.
	id text primary key,
	user_id text not null references users (id) on delete cascade,
	name text not null check (length(name) between 1 and 100),
	-- The URL query string of /kandidaten (search-state.ts), normalised, without a page number.
	query text not null,
	alert_frequency text not null default 'none' check (alert_frequency in ('none', 'daily', 'weekly')),
	last_viewed_at timestamptz not null,
	last_alert_at timestamptz,
	-- Unix seconds: candidates published up to this moment have been considered for an alert.
	alert_cursor bigint not null,
	created_at timestamptz not null
);
create index saved_searches_user on saved_searches (user_id, created_at);
create index saved_searches_alerting on saved_searches (id) where alert_frequency <> 'none';

-- One token per alert mail, so the link in an older mail keeps working; only hashes are stored.
create table saved_search_unsubscribe_tokens (
	token_hash text primary key,
	saved_search_id text not null references saved_searches (id) on delete cascade,
	created_at timestamptz not null
);
create index saved_search_unsubscribe_tokens_search on saved_search_unsubscribe_tokens (saved_search_id);
