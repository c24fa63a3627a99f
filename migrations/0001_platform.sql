-- Reference geography: labour market regions (with their werkgeversservicepunt), municipalities and
-- postcode-4 areas. CBS codes are the keys everywhere.

create table regions (
	code text primary key check (code ~ '^AM[0-9]{2}$'),
	name text not null,
	-- The WSP's name and shared mailbox are editable data: the source names are assumptions for most regions.
	wsp_name text not null,
	wsp_name_source text not null default '',
	wsp_mailbox text,
	uwv_nr integer,
	updated_at timestamptz not null default now()
);

create table municipalities (
	code text primary key check (code ~ '^GM[0-9]{4}$'),
	cbs_name text not null,
	name text not null,
	region_code text not null references regions (code),
	province text not null,
	lat double precision not null,
	lon double precision not null
);
create index municipalities_region on municipalities (region_code);

create table postcode_areas (
	postcode4 char(4) primary key check (postcode4 ~ '^[1-9][0-9]{3}$'),
	municipality_code text not null references municipalities (code),
	lat double precision not null,
	lon double precision not null
);
