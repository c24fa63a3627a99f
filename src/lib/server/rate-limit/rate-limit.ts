import { randomBytes } from 'node:crypto';
import {
	RateLimiterMemory,
	RateLimiterPostgres,
	RateLimiterRes,
	type RateLimiterAbstract
} from 'rate-limiter-flexible';
import { app } from '../app';
import type { Database, Queryable } from '../db/database';
import type { PeriodicJob } from '../jobs/periodic';

/**
 * The one rate-limit API of the service. Every limit counts in the `rate_limits` table, so a client's
 * allowance is the same whichever instance answers it. rate-limiter-flexible's Postgres store does the
 * atomic upsert; it speaks node-postgres, so `pgClient` adapts our postgres.js `Queryable` to it.
 */
export interface Limit {
	/** Points a key may use within the window. */
	points: number;
	windowSeconds: number;
}

export interface Decision {
	allowed: boolean;
	/** Points used in the current window, this request included. */
	used: number;
	/** When the key has points again (now when it has some left). */
	retryAt: Date;
}

export interface Usage {
	used: number;
	retryAt: Date;
}

/** Where counters live: the running app's database, or a given one (tests, scripts). */
export interface RateLimitStore {
	sql(): Queryable;
	/** True on embedded PGlite, which serves this one process only. */
	embedded(): boolean;
	/** Prefixes every key; tests use a fresh one so each test starts with clean counters. */
	namespace: string;
}

export const sharedStore: RateLimitStore = {
	sql: () => app().db.sql,
	embedded: () => app().db.embedded,
	namespace: ''
};

/** The counters of a database as the app uses them (in memory where a limit asks so on PGlite). */
export function storeOf(db: Pick<Database, 'sql' | 'embedded'>): RateLimitStore {
	return { sql: () => db.sql, embedded: () => db.embedded, namespace: '' };
}

/** A store on `sql` with counters of its own (a random namespace unless one is given). */
export function storeOn(sql: Queryable, namespace = randomBytes(6).toString('hex')): RateLimitStore {
	return { sql: () => sql, embedded: () => false, namespace };
}

export interface RateLimitOptions {
	/**
	 * Count in memory on embedded PGlite. There is no other instance to share with, and for a limit on a
	 * hot path the database costs too much: measured 0.37 ms of CPU per count on PGlite (in the web
	 * server's own thread, one session for all requests) against 0.003 ms in memory, where the public
	 * search's budget is 1.5 ms per request.
	 */
	memoryOnEmbedded?: boolean;
}

const TABLE = 'rate_limits';

function pgClient(sql: Queryable) {
	return {
		// The library passes keys, points and epoch milliseconds.
		async query(q: { name?: string; text: string; values?: (string | number | null)[] }) {
			// A named query has fixed text: prepared once per connection, as node-postgres does with a name.
			// Unprepared, each count cost PostgreSQL a parse and postgres.js a describe round.
			const rows = await sql.unsafe(q.text, q.values ?? [], { prepare: q.name !== undefined });
			// int8 arrives as a string; the library does arithmetic on `expire`.
			const mapped = rows.map((r) => (r.expire == null ? r : { ...r, expire: Number(r.expire) }));
			return { rows: mapped, rowCount: rows.count };
		}
	};
}

export class RateLimit {
	private readonly stores = new WeakMap<Queryable, RateLimiterAbstract>();
	private readonly bound = new WeakMap<Queryable, RateLimit>();
	// If the database cannot be reached, count in this process rather than fail the request or let
	// every request through.
	private readonly insurance: RateLimiterMemory;

	constructor(
		readonly name: string,
		readonly limit: Limit,
		private readonly store: RateLimitStore = sharedStore,
		private readonly choices: RateLimitOptions = {}
	) {
		this.insurance = new RateLimiterMemory(this.options());
	}

	private options() {
		const prefix = this.store.namespace ? `${this.store.namespace}:${this.name}` : this.name;
		return { keyPrefix: prefix, points: this.limit.points, duration: this.limit.windowSeconds };
	}

	private limiter(): RateLimiterAbstract {
		if (this.choices.memoryOnEmbedded && this.store.embedded()) return this.insurance;
		const sql = this.store.sql();
		let limiter = this.stores.get(sql);
		if (!limiter) {
			limiter = new RateLimiterPostgres({
				...this.options(),
				storeClient: pgClient(sql),
				storeType: 'pool',
				tableName: TABLE,
				tableCreated: true,
				// Expired rows are removed by the `rate-limit cleanup` job, once across instances.
				clearExpiredByTimeout: false,
				insuranceLimiter: this.insurance
			});
			this.stores.set(sql, limiter);
		}
		return limiter;
	}

	/** The same limit, counted in `sql` (for code that is handed its database rather than using the app's). */
	on(sql: Queryable): RateLimit {
		let limit = this.bound.get(sql);
		if (!limit) {
			limit = this.withStore({ sql: () => sql, embedded: () => false, namespace: this.store.namespace });
			this.bound.set(sql, limit);
		}
		return limit;
	}

	/** The same limit, counted in `store`. */
	withStore(store: RateLimitStore): RateLimit {
		return new RateLimit(this.name, this.limit, store, this.choices);
	}

	/** Uses `points` of the key's allowance; not allowed once the allowance is used up. */
	async consume(key: string, points = 1): Promise<Decision> {
		try {
			return decision(true, await this.limiter().consume(key, points));
		} catch (result) {
			if (result instanceof RateLimiterRes) return decision(false, result);
			throw result;
		}
	}

	/** What the key has used in this window, without using anything. */
	async peek(key: string): Promise<Usage> {
		const result = await this.limiter().get(key);
		return result ? usage(result) : { used: 0, retryAt: new Date() };
	}

	/** Counts points without refusing: for limits that decide elsewhere what a count means. */
	async add(key: string, points = 1): Promise<Usage> {
		return usage(await this.limiter().penalty(key, points));
	}

	/** Refuses the key for `seconds`, whatever it has used. */
	async block(key: string, seconds: number): Promise<void> {
		await this.limiter().block(key, seconds);
	}

	async reset(key: string): Promise<void> {
		await this.limiter().delete(key);
	}
}

const retryAt = (res: RateLimiterRes) => new Date(Date.now() + Math.max(0, res.msBeforeNext));
const usage = (res: RateLimiterRes): Usage => ({ used: res.consumedPoints, retryAt: retryAt(res) });
const decision = (allowed: boolean, res: RateLimiterRes): Decision => ({
	allowed,
	used: res.consumedPoints,
	retryAt: allowed ? new Date() : retryAt(res)
});

/** Counts one request against each of several limits; allowed only when every one allows it. */
export async function consumeAll(checks: [RateLimit, string][]): Promise<boolean> {
	const results = await Promise.all(checks.map(([limit, key]) => limit.consume(key)));
	return results.every((r) => r.allowed);
}

/** Deletes counters whose window ended over an hour ago (the library's own rule). */
export async function clearExpiredRateLimits(sql: Queryable, now = Date.now()): Promise<number> {
	const result = await sql`delete from rate_limits where expire < ${now - 3_600_000}`;
	return result.count;
}

/** Expired counters leave the table hourly, once across instances. */
export const rateLimitCleanupJob: PeriodicJob = {
	name: 'rate limit cleanup',
	everyMs: 60 * 60_000,
	run: (app) => clearExpiredRateLimits(app.db.sql)
};
