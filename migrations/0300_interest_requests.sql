-- Interest requests: an employer without an account asks a WSP about one or more anonymised profiles.
-- See docs/privacy.md ("Aanvragen van werkgevers") for what is kept, and for how long.

-- One row; change it with SQL (or an admin page) and the next request uses the new values.
create table request_settings (
	id boolean primary key default true check (id),
	-- 'calendar': due after due_hours; 'working_hours': due after due_hours of Mon-Fri office time.
	due_mode text not null default 'calendar' check (due_mode in ('calendar', 'working_hours')),
	due_hours integer not null default 24 check (due_hours between 1 and 720),
	working_day_start time not null default '08:30',
	working_day_end time not null default '17:00',
	-- The inbox counts a request as "binnen N uur verlopen" from this many hours before its due time.
	soon_hours integer not null default 4 check (soon_hours between 1 and 48),
	retention_months integer not null default 12 check (retention_months between 1 and 120),
	updated_at timestamptz not null default now(),
	check (working_day_start < working_day_end)
);
insert into request_settings default values;

-- What the employer typed once for all selected profiles. Contact columns are erased after retention.
create table employer_submissions (
	id bigint generated always as identity primary key,
	-- sha-256 (hex) of the status link token; the token itself is never stored. Null once erased.
	token_hash text unique,
	company_name text,
	kvk_number text,
	contact_name text,
	email text,
	phone text,
	-- Anonymous facts: they stay after erasure, for statistics.
	work_municipality_code text references municipalities (code),
	job_title text,
	hours_per_week integer,
	start_date date,
	message text,
	consent_at timestamptz not null,
	created_at timestamptz not null default now(),
	erased_at timestamptz
);

-- One per selected profile, routed to the WSP of that profile's region.
create table interest_requests (
	id bigint generated always as identity primary key,
	submission_id bigint not null references employer_submissions (id),
	public_ref text not null,
	region_code text not null references regions (code),
	-- The public profile as the employer saw it: the request stays workable if it is unpublished later.
	snapshot jsonb not null,
	status text not null default 'nieuw' check (
		status in (
			'nieuw',
			'in_behandeling',
			'kandidaat_benaderd',
			'wil_kennismaken',
			'wil_niet',
			'niet_bereikbaar',
			'afgerond'
		)
	),
	outcome text check (outcome in ('gesprek_gepland', 'geplaatst', 'geen_match')),
	assigned_user_id text references users (id),
	-- The region's shared mailbox when nobody in the team could take it.
	assigned_mailbox text,
	due_at timestamptz not null,
	first_contact_at timestamptz,
	escalated_at timestamptz,
	candidate_consent_at timestamptz,
	candidate_consent_by text references users (id),
	closed_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	check ((status = 'afgerond') = (outcome is not null)),
	check ((status = 'afgerond') = (closed_at is not null))
);
create index interest_requests_submission on interest_requests (submission_id);
create index interest_requests_region on interest_requests (region_code, status);
create index interest_requests_assigned on interest_requests (assigned_user_id) where status <> 'afgerond';
create index interest_requests_due on interest_requests (due_at)
	where first_contact_at is null and escalated_at is null and status <> 'afgerond';

-- Every routing decision (first routing and each reassignment) with its reason code.
create table request_routings (
	id bigint generated always as identity primary key,
	request_id bigint not null references interest_requests (id),
	assigned_user_id text references users (id),
	mailbox text,
	coordinator_user_id text references users (id),
	reason text not null check (
		reason in (
			'own_consultant',
			'own_consultant_backup',
			'fewest_open',
			'nobody_available',
			'reassigned'
		)
	),
	-- Ids and counts only (who was skipped and why): no names or addresses.
	detail jsonb not null default '{}',
	decided_by text references users (id),
	decided_at timestamptz not null default now()
);
create index request_routings_request on request_routings (request_id, decided_at);
create index request_routings_assigned on request_routings (assigned_user_id, decided_at);

-- The request's history: status changes, notes, contact, consent, replies to the employer.
create table request_events (
	id bigint generated always as identity primary key,
	request_id bigint not null references interest_requests (id),
	kind text not null check (
		kind in ('created', 'status', 'note', 'contact', 'consent', 'reply', 'reassigned', 'escalated')
	),
	from_status text,
	to_status text,
	-- Free text (notes, replies); emptied by retention.
	body text,
	-- Replies only: shown on the employer's status page.
	visible_to_employer boolean not null default false,
	user_id text references users (id),
	created_at timestamptz not null default now()
);
create index request_events_request on request_events (request_id, created_at);
