-- A second registration for an address with an unconfirmed one never replaces it: that let anyone swap
-- in their own password before the owner confirmed. The address's owner gets a link to withdraw the
-- pending registration instead; both links live in one token table, told apart by what they do.
alter table email_verification_tokens
	add column purpose text not null default 'bevestigen' check (purpose in ('bevestigen', 'intrekken'));
