-- Solved anti-spam challenges, each accepted once by whichever instance sees it first. A challenge is
-- valid for 20 minutes, so a row only needs to outlive that; the hourly clean-up removes the rest.
create table used_challenges (
	challenge_id text primary key,
	expires_at timestamptz not null
);
create index used_challenges_expires on used_challenges (expires_at);
