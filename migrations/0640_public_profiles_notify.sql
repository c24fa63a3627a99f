-- Every change to the published set is announced on a channel with the changed document's ref, so
-- each instance's embedded search index applies just that change within a second. Notifications are
-- sent at commit and only to sessions listening; PostgreSQL folds duplicates within a transaction.
create function notify_public_profile_change() returns trigger language plpgsql as $$
begin
	if tg_op <> 'INSERT' then
		perform pg_notify('public_profiles_changed', old.public_ref);
	end if;
	if tg_op <> 'DELETE' and (tg_op = 'INSERT' or new.public_ref <> old.public_ref or new.document <> old.document) then
		perform pg_notify('public_profiles_changed', new.public_ref);
	end if;
	return null;
end $$;

create trigger public_profiles_notify after insert or update or delete on public_profiles
	for each row execute function notify_public_profile_change();
