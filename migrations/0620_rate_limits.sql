-- Rate-limit counters shared by every instance (rate-limiter-flexible's Postgres store layout: key with
-- its limiter's prefix, points used, expiry in epoch milliseconds). Rows are short-lived and hold no
-- personal data: e-mail addresses in keys are hashed.
create table rate_limits (
	key varchar(255) primary key,
	points integer not null default 0,
	expire bigint
);
create index rate_limits_expire on rate_limits (expire);
