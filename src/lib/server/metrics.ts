import { createHash } from 'node:crypto';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { SearchEngine } from '../../../search/index';
import type { Queryable } from './db/database';

/**
 * Prometheus metrics for the operator. Off unless METRICS_TOKEN is set (then `/metrics` answers 404, as
 * for any unknown path); with it, only a request carrying that token as a bearer token gets them.
 * Labels are route ids (`/kandidaten/[ref]`), never paths or query strings, so no token, reference or
 * search term reaches the metrics, and the number of series stays bounded.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'kv_' });

const requests = new Counter({
	name: 'kv_http_requests_total',
	help: 'HTTP requests answered, by method, route id and status code.',
	labelNames: ['method', 'route', 'status'] as const,
	registers: [registry]
});
const requestSeconds = new Histogram({
	name: 'kv_http_request_duration_seconds',
	help: 'Time to answer an HTTP request, by method and route id.',
	labelNames: ['method', 'route'] as const,
	buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
	registers: [registry]
});
const searchSeconds = new Histogram({
	name: 'kv_search_duration_seconds',
	help: 'Time the search engine took for a multi-search or facet search, by engine and operation.',
	labelNames: ['engine', 'operation', 'outcome'] as const,
	buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
	registers: [registry]
});

// Read from PostgreSQL at scrape time (the pool passed to metricsResponse), so every instance reports
// the shared truth.
let source: Queryable | undefined;
new Gauge({
	name: 'kv_mail_outbox_backlog',
	help: 'Mails not yet delivered, by outbox status (queued, sending, failed).',
	labelNames: ['status'] as const,
	registers: [registry],
	async collect() {
		this.reset();
		if (!source) return;
		for (const status of ['queued', 'sending', 'failed']) this.set({ status }, 0);
		const rows = await source`
			select status, count(*)::int as n from mail_outbox where status <> 'sent' group by status`;
		for (const row of rows) this.set({ status: row.status }, row.n);
	}
});
new Gauge({
	name: 'kv_interest_requests_overdue',
	help: 'Open interest-request cases whose first contact is past its due time.',
	registers: [registry],
	async collect() {
		if (!source) return this.set(0);
		const [row] = await source`
			select count(*)::int as n from request_cases c
			where c.first_contact_at is null and c.due_at <= now()
				and exists (select 1 from interest_requests r where r.case_id = c.id and r.status <> 'afgerond')`;
		this.set(row.n);
	}
});

/** Route ids only; a request that matched no route counts under one label. */
export function recordRequest(method: string, routeId: string | null, status: number, seconds: number): void {
	const route = routeId ?? 'unmatched';
	requests.inc({ method, route, status: String(status) });
	requestSeconds.observe({ method, route }, seconds);
}

async function timed<T>(engine: string, operation: string, work: () => Promise<T>): Promise<T> {
	const end = searchSeconds.startTimer({ engine, operation });
	try {
		const result = await work();
		end({ outcome: 'ok' });
		return result;
	} catch (error) {
		end({ outcome: 'error' });
		throw error;
	}
}

/** The same engine, with its searches timed into `kv_search_duration_seconds`. */
export function measured(engine: SearchEngine): SearchEngine {
	return new Proxy(engine, {
		get(target, property, receiver) {
			if (property === 'multiSearch') {
				return (request: Parameters<SearchEngine['multiSearch']>[0]) =>
					timed(target.kind, 'multi-search', () => target.multiSearch(request));
			}
			if (property === 'multiSearchJson' && target.multiSearchJson) {
				const json = target.multiSearchJson.bind(target);
				return (request: Parameters<SearchEngine['multiSearch']>[0]) =>
					timed(target.kind, 'multi-search', () => json(request));
			}
			if (property === 'facetSearch') {
				return (...args: Parameters<SearchEngine['facetSearch']>) =>
					timed(target.kind, 'facet-search', () => target.facetSearch(...args));
			}
			const value = Reflect.get(target, property, receiver);
			return typeof value === 'function' ? value.bind(target) : value;
		}
	});
}

const digest = (text: string) => new Uint8Array(createHash('sha256').update(text).digest());

/** `/metrics`: 404 when not configured, 401 without the right bearer token, else the exposition. */
export async function metricsResponse(
	request: Request,
	token: string | undefined,
	sql: Queryable
): Promise<Response> {
	if (!token) return new Response('Not found', { status: 404 });
	const given = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
	// Compared as hashes, so neither the length nor the content leaks through timing.
	if (!given || !constantTimeEqual(digest(given), digest(token))) {
		return new Response('Unauthorized', {
			status: 401,
			headers: { 'www-authenticate': 'Bearer realm="metrics"', 'cache-control': 'no-store' }
		});
	}
	source = sql;
	return new Response(await registry.metrics(), {
		headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' }
	});
}
