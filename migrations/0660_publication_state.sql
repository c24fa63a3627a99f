-- What the last completed publication refresh was computed from (profiles/publication-state.ts), written
-- in the refresh's own transaction: a start or the periodic check that finds the same inputs skips the
-- recomputation. One row.
create table publication_state (
	singleton boolean primary key default true check (singleton),
	rules_version integer not null,
	k integer not null,
	day date not null,
	inputs_digest text not null,
	refreshed_at timestamptz not null
);
