import type { Queryable, Sql } from '../db/database';
import { recordAudit } from '../audit';
import { newLinkToken, hashToken } from '../auth/random';

/** A fresh link per mail; earlier links keep working until the search is deleted. */
export async function createUnsubscribeToken(tx: Queryable, searchId: string, now: Date): Promise<string> {
	const token = newLinkToken();
	await tx`insert into saved_search_unsubscribe_tokens (token_hash, saved_search_id, created_at)
		values (${hashToken(token)}, ${searchId}, ${now})`;
	return token;
}

export interface UnsubscribeTarget {
	searchName: string;
	alertsOn: boolean;
}

export async function findUnsubscribeTarget(sql: Sql, token: string): Promise<UnsubscribeTarget | null> {
	const [row] = await sql<{ name: string; alert_frequency: string }[]>`
		select s.name, s.alert_frequency from saved_search_unsubscribe_tokens t
		join saved_searches s on s.id = t.saved_search_id
		where t.token_hash = ${hashToken(token)}`;
	return row ? { searchName: row.name, alertsOn: row.alert_frequency !== 'none' } : null;
}

/** Switches the search's alerts off. Returns false for an unknown link. Doing it twice is harmless. */
export async function unsubscribe(sql: Sql, token: string): Promise<boolean> {
	return sql.begin(async (tx) => {
		const [row] = await tx<{ id: string; user_id: string }[]>`
			update saved_searches set alert_frequency = 'none'
			where id = (select saved_search_id from saved_search_unsubscribe_tokens
				where token_hash = ${hashToken(token)})
			returning id, user_id`;
		if (!row) return false;
		await recordAudit(tx, {
			userId: row.user_id,
			action: 'saved-search-unsubscribed',
			subjectType: 'saved-search',
			subjectId: row.id
		});
		return true;
	});
}
