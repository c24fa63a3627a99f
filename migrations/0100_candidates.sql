-- Candidates imported from the client-tracking export (docs/import-format.md). Personal columns of the
-- export (name, BSN, address, birth date, ...) have no column here on purpose; see docs/privacy.md.

create table imports (
	id bigint generated always as identity primary key,
	-- Organisations the file covered ('UWV' or 'GMxxxx'); the scope of --full.
	organisations text[] not null default '{}',
	file_name text not null default '',
	user_id text,
	mode text not null check (mode in ('incremental', 'full')),
	strict boolean not null default false,
	status text not null default 'running'
		check (status in ('running', 'finished', 'refused', 'failed', 'interrupted')),
	message text,
	-- Which process runs it, so the next import can tell a killed run from a live one.
	host text not null default '',
	pid integer,
	rows_read integer not null default 0,
	rows_new integer not null default 0,
	rows_updated integer not null default 0,
	rows_unchanged integer not null default 0,
	rows_rejected integer not null default 0,
	withdrawn integer not null default 0,
	unpublished integer not null default 0,
	published integer not null default 0,
	started_at timestamptz not null default now(),
	heartbeat_at timestamptz not null default now(),
	finished_at timestamptz
);

-- Never the rejected value: it may be personal data in the wrong column.
create table import_rejections (
	import_id bigint not null references imports (id) on delete cascade,
	line integer not null,
	column_name text not null,
	reason text not null
);
create index import_rejections_import on import_rejections (import_id, line);

create table candidates (
	id bigint generated always as identity primary key,
	public_ref text not null unique check (public_ref ~ '^KV-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$'),
	organisation text not null check (organisation = 'UWV' or organisation ~ '^GM[0-9]{4}$'),
	municipality_code text not null references municipalities (code),
	region_code text not null references regions (code),
	status text not null check (status in ('ingeschreven', 'uitgeschreven')),
	service_start date not null,
	service_end date,
	in_register boolean not null,
	banenafspraak boolean not null,
	beschut_werk boolean not null,
	-- Statistics only; never public, never a search filter.
	doelgroep text,
	participatieladder smallint check (participatieladder between 1 and 6),
	groeipotentieel boolean,
	-- A staff address for routing, not candidate data.
	klantmanager_email text,
	-- The candidate-facing profile as validated codes (see profiles/candidate-record.ts).
	profile jsonb not null,
	-- Already scrubbed; the original text is never stored.
	profile_text text not null default '',
	profile_text_state text not null default 'none'
		check (profile_text_state in ('none', 'clean', 'review', 'approved', 'rejected')),
	quality char(1) not null check (quality in ('J', 'N', 'L', 'O')),
	complete boolean not null,
	-- The UWV counting definition (transparency figures); publishable = counted and complete.
	counted boolean not null,
	-- Missing from the organisation's last --full export.
	withdrawn boolean not null default false,
	published boolean not null default false,
	publication text not null default 'not_eligible'
		check (publication in ('published', 'suppressed', 'not_eligible')),
	generalisation text[] not null default '{}',
	content_hash text not null,
	source_updated_at date not null,
	first_published_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
create index candidates_publishable on candidates (id) where counted and complete and not withdrawn;
create index candidates_organisation on candidates (organisation);
create index candidates_municipality on candidates (municipality_code);

-- The only place a klantnummer is kept. Read it only for an authorised WSP contact.
create table candidate_source_ids (
	candidate_id bigint primary key references candidates (id) on delete cascade,
	organisation text not null,
	klantnummer text not null,
	unique (organisation, klantnummer)
);

-- THE published set; the search index mirrors it.
create table public_profiles (
	public_ref text primary key,
	candidate_id bigint not null unique references candidates (id) on delete cascade,
	region_code text not null references regions (code),
	municipality_code text references municipalities (code),
	document jsonb not null,
	-- What the document was built from (content hash, generalisation, text state): skip unchanged ones.
	source_key text not null,
	updated_at timestamptz not null default now()
);
create index public_profiles_region on public_profiles (region_code);

-- One row per day, municipality and kind of organisation: enough history for a trend line.
create table transparency_snapshots (
	snapshot_date date not null,
	municipality_code text not null references municipalities (code),
	client_kind text not null check (client_kind in ('gemeente', 'uwv')),
	with_profile integer not null,
	without_profile integer not null,
	primary key (snapshot_date, municipality_code, client_kind)
);
