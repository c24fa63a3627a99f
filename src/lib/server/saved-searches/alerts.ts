import type postgres from 'postgres';
import type { Hit, SearchEngine } from '$search/engine';
import type { Clock } from '../clock';
import type { Sql } from '../db/database';
import { enqueueMail } from '../mail/outbox';
import { alertMail } from './alert-mail';
import { latestSlot } from './alert-schedule';
import {
	indexHighWater,
	publishedAfter,
	publishedUpTo,
	runQueries,
	savedSearchQuery,
	totalOf,
	workplaceResolver
} from './engine-queries';
import { CANDIDATE_ATTRIBUTES, toCandidateLine } from './results';
import { searchStateOf } from './saved-search-query';
import { createUnsubscribeToken } from './unsubscribe';

export const ALERT_MAX_CANDIDATES = 50;
const PAGE = 200;

export interface AlertRun {
	due: number;
	mailed: number;
	candidates: number;
}

export interface AlertOptions {
	origin: string;
	/** Test-only: treat every search with alerts on as due now, whatever its schedule. */
	ignoreSchedule?: boolean;
}

interface DueSearch {
	id: string;
	name: string;
	query: string;
	frequency: 'daily' | 'weekly';
	cursor: number;
	email: string;
}

/**
 * Sends the alerts that are due. Per run the engine is asked once for the newest publication time; a
 * search is queried only when something newer than its cursor exists, with one query narrowed to
 * `cursor < publishedAt <= highWater`. The cursor moves in the transaction that queues the mail and
 * only if nobody moved it meanwhile, so a candidate is mailed once and none is skipped.
 */
export async function runDueAlerts(
	sql: Sql,
	engine: SearchEngine,
	clock: Clock,
	options: AlertOptions
): Promise<AlertRun> {
	const now = clock.now();
	const slots = options.ignoreSchedule
		? { daily: now, weekly: now }
		: { daily: latestSlot('daily', now), weekly: latestSlot('weekly', now) };
	const highWater = await indexHighWater(engine);
	const resolve = workplaceResolver(sql);
	const run: AlertRun = { due: 0, mailed: 0, candidates: 0 };
	let after = '';
	for (;;) {
		const due = await dueSearches(sql, slots, after, options.ignoreSchedule ?? false);
		if (!due.length) break;
		after = due[due.length - 1].id;
		run.due += due.length;
		const withNews = due.filter((s) => s.cursor < highWater);
		const queries = await Promise.all(
			withNews.map(async (s) => {
				const state = searchStateOf(s.query);
				return savedSearchQuery(state, await resolve(state.workplace), now, {
					filters: [publishedAfter(s.cursor), publishedUpTo(highWater)],
					limit: ALERT_MAX_CANDIDATES,
					attributes: CANDIDATE_ATTRIBUTES
				});
			})
		);
		const results = await runQueries(engine, queries);
		const found = new Map(withNews.map((s, i) => [s.id, results[i]]));
		for (const search of due) {
			const result = found.get(search.id);
			const sent = await deliver(sql, search, {
				now,
				highWater,
				total: result ? totalOf(result) : 0,
				hits: result?.hits ?? [],
				origin: options.origin
			});
			if (sent) {
				run.mailed++;
				run.candidates += sent;
			}
		}
		if (due.length < PAGE) break;
	}
	return run;
}

async function dueSearches(
	sql: Sql,
	slots: { daily: Date; weekly: Date },
	after: string,
	ignoreSchedule: boolean
): Promise<DueSearch[]> {
	const rows = await sql<
		{
			id: string;
			name: string;
			query: string;
			alert_frequency: DueSearch['frequency'];
			alert_cursor: string | number;
			email: string;
		}[]
	>`
		select s.id, s.name, s.query, s.alert_frequency, s.alert_cursor, u.email
		from saved_searches s join users u on u.id = s.user_id
		where s.alert_frequency <> 'none' and s.id > ${after}
			and u.active and u.email_verified_at is not null
			and (u.approved_at is not null or not exists (select 1 from registrations r where r.user_id = u.id))
			and (${ignoreSchedule} or coalesce(s.last_alert_at, s.created_at) <
				case s.alert_frequency when 'daily' then ${slots.daily}::timestamptz else ${slots.weekly}::timestamptz end)
		order by s.id
		limit ${PAGE}`;
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		query: r.query,
		frequency: r.alert_frequency,
		cursor: Number(r.alert_cursor),
		email: r.email
	}));
}

/** Returns how many candidates were mailed (0 = nothing new, or another run got there first). */
async function deliver(
	sql: Sql,
	search: DueSearch,
	found: {
		now: Date;
		highWater: number;
		total: number;
		hits: Hit[];
		origin: string;
	}
): Promise<number> {
	const next = Math.max(search.cursor, found.highWater);
	return sql.begin(async (tx: postgres.TransactionSql) => {
		const [claimed] = await tx<{ id: string }[]>`
			update saved_searches set alert_cursor = ${next}, last_alert_at = ${found.now}
			where id = ${search.id} and alert_cursor = ${search.cursor} and alert_frequency = ${search.frequency}
			returning id`;
		if (!claimed || !found.hits.length) return 0;
		const token = await createUnsubscribeToken(tx, search.id, found.now);
		const mail = alertMail({
			searchName: search.name,
			candidates: found.hits.map((hit) => toCandidateLine(hit, search.cursor)),
			total: found.total,
			origin: found.origin,
			searchId: search.id,
			query: search.query,
			unsubscribeToken: token
		});
		await enqueueMail(tx, {
			...mail,
			to: search.email,
			kind: 'saved-search-alert',
			dedupeKey: `saved-search-alert:${search.id}:${search.cursor}`,
			related: { type: 'saved-search', id: search.id }
		});
		return found.hits.length;
	});
}
