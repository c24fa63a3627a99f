-- One row per background job that runs once across instances: the instance that claims a due job sets
-- started_at and a lease; others see it is not due and skip. A lease left by a crashed instance ends.
create table periodic_jobs (
	name text primary key,
	started_at timestamptz,
	finished_at timestamptz,
	lease_until timestamptz
);
