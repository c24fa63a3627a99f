import { refuse, type Outcome } from '../result';
import type { Clock } from '../clock';
import type { Queryable } from '../db/database';
import { generateSecureRandomString } from '../auth/random';
import type { AlertFrequency } from './saved-search-name';

/**
 * Saved searches, always read and changed through the owner's id: a search of someone else is simply not
 * found, so routes answer 404 and ids reveal nothing.
 */
export interface SavedSearch {
	id: string;
	name: string;
	query: string;
	alertFrequency: AlertFrequency;
	lastViewedAt: Date;
	lastAlertAt: Date | null;
	/** Unix seconds. */
	alertCursor: number;
	createdAt: Date;
}

export const MAX_SAVED_SEARCHES = 100;

/** A saved_searches row (`select *`); bigint columns arrive as strings. */
interface SavedSearchRow {
	id: string;
	name: string;
	query: string;
	alert_frequency: AlertFrequency;
	last_viewed_at: Date;
	last_alert_at: Date | null;
	alert_cursor: string | number;
	created_at: Date;
}

const toSavedSearch = (r: SavedSearchRow): SavedSearch => ({
	id: r.id,
	name: r.name,
	query: r.query,
	alertFrequency: r.alert_frequency,
	lastViewedAt: r.last_viewed_at,
	lastAlertAt: r.last_alert_at,
	alertCursor: Number(r.alert_cursor),
	createdAt: r.created_at
});

const unixSeconds = (d: Date) => Math.floor(d.getTime() / 1000);

export type CreateResult = Outcome<{ search: SavedSearch }, 'too-many'>;

/** Alerts start from now: candidates published before the search was saved are not "new". */
export async function createSavedSearch(
	sql: Queryable,
	clock: Clock,
	input: { userId: string; name: string; query: string }
): Promise<CreateResult> {
	const now = clock.now();
	const [{ n }] = await sql<
		{ n: number }[]
	>`select count(*)::int as n from saved_searches where user_id = ${input.userId}`;
	if (n >= MAX_SAVED_SEARCHES) {
		return refuse(
			'too-many',
			`U hebt al ${MAX_SAVED_SEARCHES} zoekopdrachten bewaard. Verwijder er eerst een.`
		);
	}
	const [row] = await sql<SavedSearchRow[]>`
		insert into saved_searches (id, user_id, name, query, last_viewed_at, alert_cursor, created_at)
		values (${generateSecureRandomString()}, ${input.userId}, ${input.name}, ${input.query}, ${now},
			${unixSeconds(now)}, ${now})
		returning *`;
	return { ok: true, search: toSavedSearch(row) };
}

export async function listSavedSearches(sql: Queryable, userId: string): Promise<SavedSearch[]> {
	const rows = await sql<
		SavedSearchRow[]
	>`select * from saved_searches where user_id = ${userId} order by created_at desc, id`;
	return rows.map(toSavedSearch);
}

export async function getSavedSearch(
	sql: Queryable,
	userId: string,
	id: string
): Promise<SavedSearch | null> {
	const [row] = await sql<
		SavedSearchRow[]
	>`select * from saved_searches where id = ${id} and user_id = ${userId}`;
	return row ? toSavedSearch(row) : null;
}

export async function renameSavedSearch(
	sql: Queryable,
	input: { userId: string; id: string; name: string }
): Promise<boolean> {
	const rows = await sql<{ id: string }[]>`update saved_searches set name = ${input.name}
		where id = ${input.id} and user_id = ${input.userId} returning id`;
	return rows.length > 0;
}

export async function deleteSavedSearch(
	sql: Queryable,
	input: { userId: string; id: string }
): Promise<boolean> {
	const rows = await sql<
		{ id: string }[]
	>`delete from saved_searches where id = ${input.id} and user_id = ${input.userId}
		returning id`;
	return rows.length > 0;
}

/**
 * Switching alerts on starts them from now, not from when the search was saved: a first mail with
 * months of candidates would be noise. The first mail comes at the next scheduled moment.
 */
export async function setAlertFrequency(
	sql: Queryable,
	clock: Clock,
	input: { userId: string; id: string; frequency: AlertFrequency }
): Promise<boolean> {
	const now = clock.now();
	const rows = await sql<{ id: string }[]>`
		update saved_searches set
			alert_cursor = case when alert_frequency = 'none' and ${input.frequency} <> 'none'
				then greatest(alert_cursor, ${unixSeconds(now)}) else alert_cursor end,
			last_alert_at = case when alert_frequency = 'none' and ${input.frequency} <> 'none'
				then ${now} else last_alert_at end,
			alert_frequency = ${input.frequency}
		where id = ${input.id} and user_id = ${input.userId}
		returning id`;
	return rows.length > 0;
}

export async function markViewed(
	sql: Queryable,
	clock: Clock,
	input: { userId: string; id: string }
): Promise<void> {
	await sql`update saved_searches set last_viewed_at = ${clock.now()}
		where id = ${input.id} and user_id = ${input.userId}`;
}
