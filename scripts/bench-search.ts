/**
 * Search benchmark: `npm run bench:search [-- --sizes 10000,100000 --queries 2000 --runs 3]`.
 *
 * Per index size, on synthetic profiles (`randomProfileDocuments`) and, with `--import N`, on N profiles
 * that went through the real import (demo export → minimisation → k-anonymity → public documents):
 *  - index build time (median of `--runs`) and the memory the built index retains;
 *  - latency of whole multi-search requests as InstantSearch sends them while an employer types, refines
 *    and pages, measured in-process through `validateMultiSearch` + `engine.multiSearch`;
 *  - the same requests over HTTP with autocannon, against a node:http server in a child process that
 *    wraps `handleMultiSearch` (SvelteKit's routing and hooks excluded);
 *  - the server-side search of /kandidaten: `runPageSearch` in-process (the workplace lookup is
 *    answered by a stub instead of PostgreSQL).
 * With `--app N` it also starts the BUILT app (`node build`, run `npm run build` first) on a fresh
 * embedded database with N demo profiles and measures `/api/search/multi-search` and `GET /kandidaten`
 * through SvelteKit. Everything listens on 127.0.0.1 only. Results: a Markdown table on stdout and JSON
 * in bench-results/.
 */
import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { type AddressInfo } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import MiniSearch from 'minisearch';
import {
	createEmbeddedEngine,
	createWorkerEngine,
	validateMultiSearch,
	type MultiSearchRequest,
	type ProfileDocument,
	type SearchEngine,
	type SearchQuery
} from '../search/index';
import { PROFILE_INDEX_UID } from '../search/document';
import { leafValues, matchesDocument } from '../search/filter/matches-document';
import { PROFILE_INDEX } from '../search/index-definition';
import { planFilter } from '../search/query-plan';
import type { EmbeddedSearchEngine } from '../search/embedded/embedded-engine';
import { warmShortPrefixes } from '../search/embedded/short-prefix';
import { randomProfileDocuments, seededRandom } from '../search/testing/random-documents';
import { FACETS, HITS_PER_PAGE } from '../src/lib/search-page/facets';
import {
	baseFilters,
	HIGHLIGHT_POST,
	HIGHLIGHT_PRE,
	sortOf,
	type Workplace
} from '../src/lib/search-page/search-query';
import { AVAILABILITY, searchHref, type SearchState } from '../src/lib/search-page/search-state';
import { HIT_ATTRIBUTES } from '../src/lib/search-page/search-view';
import type { Queryable } from '../src/lib/server/db/database';
import { storeOf } from '../src/lib/server/rate-limit/rate-limit';
import { handleMultiSearch, searchLimit } from '../src/lib/server/search-service/public-endpoint';
import { runPageSearch } from '../src/lib/server/search-service/run-page-search';
import { useSearchEngine } from '../src/lib/server/search-service/search-service';

const { values: args } = parseArgs({
	options: {
		sizes: { type: 'string', default: '10000,100000' },
		queries: { type: 'string', default: '2000' },
		runs: { type: 'string', default: '3' },
		seed: { type: 'string', default: '7' },
		'http-seconds': { type: 'string', default: '10' },
		connections: { type: 'string', default: '10' },
		'no-http': { type: 'boolean', default: false },
		import: { type: 'string', default: '0' },
		app: { type: 'string', default: '0' },
		// PostgreSQL server for --app (a fresh database is created on it and dropped); else embedded PGlite.
		database: { type: 'string', default: '' },
		// Seconds of sustained GET /kandidaten load on the built app, sampling its RSS every 10 s.
		soak: { type: 'string', default: '0' },
		// Directory for V8 CPU profiles of the built app's measured run (web thread and search worker).
		'app-profile': { type: 'string', default: '' },
		// The built app's LOG_LEVEL; production runs at info, which writes one line per request.
		'app-log-level': { type: 'string', default: 'warn' },
		// Search worker threads of the HTTP server (as SEARCH_THREADS in the app).
		threads: { type: 'string', default: '1' },
		// Requests replayed against the baselines (MiniSearch; PostgreSQL full-text search on --database),
		// which are far slower; 0 skips them.
		'baseline-queries': { type: 'string', default: '300' },
		// Internal: the child process serving HTTP.
		serve: { type: 'string' }
	}
});

const RUNS = Math.max(1, Number(args.runs));
const QUERIES = Number(args.queries);
const SEED = Number(args.seed);
const HTTP_SECONDS = Number(args['http-seconds']);
const CONNECTIONS = Number(args.connections);

// Issue 15's targets at 100k profiles on this 2-core machine. They live here, never in unit tests.
const TARGETS = {
	buildSeconds: 3,
	p95Ms: 5,
	p99Ms: 15,
	httpRps: 500,
	httpP99Ms: 50,
	renderP95Ms: 50,
	/** Mean CPU time of the whole server process (all threads) per InstantSearch request. */
	appCpuMs: 1.5,
	/** /healthz while the search load runs. */
	healthzMs: 50,
	startSeconds: 5,
	/** Server-side CPU time of a /kandidaten render. */
	pageCpuMs: 3
};

// And at 1M profiles: the engine must scale, not merely cope.
const TARGETS_1M = {
	buildSeconds: 30,
	/** The whole benchmark process after the build and the first-keystroke answers, documents included. */
	rssMB: 1500,
	cpuP95Ms: 20
};
const AT_1M = 1_000_000;

// ---------------------------------------------------------------------------------------------------
// Measurement helpers

function loadAverage(): number {
	return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
}

function percentile(sorted: ArrayLike<number>, p: number): number {
	if (sorted.length === 0) return Number.NaN;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function median(values: number[]): number {
	return percentile(
		[...values].sort((a, b) => a - b),
		50
	);
}

function collect(): void {
	// Twice: the first pass can leave weak references and finalisers for the second.
	globalThis.gc?.();
	globalThis.gc?.();
}

interface Measured<T> {
	value: T;
	/** 1-minute load average when the measurement ended: the machine is shared. */
	load: number;
}

const measured = <T>(value: T): Measured<T> => ({ value, load: loadAverage() });

interface LatencySummary {
	p50: number;
	p95: number;
	p99: number;
	max: number;
	perSecond: number;
	/**
	 * CPU time of this process per request (user + system, all threads, so GC helpers count): on a
	 * shared, oversubscribed machine the wall-clock tail is mostly time spent waiting for a core.
	 */
	cpuP50: number;
	cpuP95: number;
	cpuP99: number;
	/** Mean CPU time per request: what the issue's 1.5 ms target is about. */
	cpuMean: number;
}

function summarise(durations: Float64Array, wallMs: number, cpu?: Float64Array): LatencySummary {
	const sorted = Float64Array.from(durations).sort();
	const cpuSorted = cpu ? Float64Array.from(cpu).sort() : new Float64Array(0);
	return {
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		p99: percentile(sorted, 99),
		max: sorted[sorted.length - 1],
		perSecond: (durations.length / wallMs) * 1000,
		cpuP50: percentile(cpuSorted, 50),
		cpuP95: percentile(cpuSorted, 95),
		cpuP99: percentile(cpuSorted, 99),
		cpuMean: cpuSorted.length ? cpuSorted.reduce((a, b) => a + b, 0) / cpuSorted.length : Number.NaN
	};
}

/** Median of each figure over the runs: one noisy neighbour's burst should not decide the result. */
function medianSummary(runs: LatencySummary[]): LatencySummary {
	const pick = (key: keyof LatencySummary) => median(runs.map((r) => r[key]));
	return {
		p50: pick('p50'),
		p95: pick('p95'),
		p99: pick('p99'),
		max: pick('max'),
		perSecond: pick('perSecond'),
		cpuP50: pick('cpuP50'),
		cpuP95: pick('cpuP95'),
		cpuP99: pick('cpuP99'),
		cpuMean: pick('cpuMean')
	};
}

function cpuMs(since: NodeJS.CpuUsage): number {
	const used = process.cpuUsage(since);
	return (used.user + used.system) / 1000;
}

// ---------------------------------------------------------------------------------------------------
// The workload: what InstantSearch sends while employers type, refine and page

/** Dutch words employers type, a few misspelt; the multi-word ones are typed through the space. */
const TYPED = [
	'logistiek',
	'orderpicken',
	'magazijn',
	'schoonmaak',
	'schoonmaken',
	'horeca',
	'keuken',
	'koken',
	'zorg',
	'verzorgen',
	'chauffeur',
	'bezorgen',
	'kassa',
	'kassawerk',
	'winkel',
	'detailhandel',
	'productie',
	'inpakken',
	'administratie',
	'tuin',
	'groen',
	'hovenier',
	'coördinator',
	'heftruck',
	'techniek',
	'monteur',
	'bouw',
	'ict',
	'afwassen',
	'vakken vullen',
	'data invoer',
	'zelfstandig',
	'magazijn parttime',
	'zorg weekend',
	'logistek',
	'schoonmakn'
];

interface Session {
	/** One page state per request, in the order the browser sends them. */
	states: SearchState[];
	workplace: Workplace | null;
}

function sessions(
	documents: readonly ProfileDocument[],
	requests: number,
	seed: number
): { list: Session[]; workplaces: Workplace[] } {
	const rnd = seededRandom(seed);
	const int = (n: number) => Math.floor(rnd() * n);
	const pick = <T>(list: readonly T[]): T => list[int(list.length)];
	const doc = () => documents[int(documents.length)] as unknown as Record<string, unknown>;
	// Values are drawn from random documents, so popular values are refined more often, as in life.
	const facetValue = (attribute: string): string | null => {
		for (let tries = 0; tries < 20; tries++) {
			const value = doc()[attribute];
			const values = Array.isArray(value) ? value : [value];
			const usable = values.filter((v): v is string => typeof v === 'string' && v !== '');
			if (usable.length) return pick(usable);
		}
		return null;
	};
	const workplaceOf = (): Workplace | null => {
		for (let tries = 0; tries < 50; tries++) {
			const d = doc() as unknown as ProfileDocument;
			if (d.municipality && d._geo)
				return {
					code: d.municipality,
					name: d.municipalityName ?? d.municipality,
					lat: d._geo.lat,
					lon: d._geo.lng
				};
		}
		return null;
	};
	const weighted = (weights: number[]): number => {
		let r = rnd() * weights.reduce((a, b) => a + b, 0);
		for (let i = 0; i < weights.length; i++) if ((r -= weights[i]) < 0) return i;
		return weights.length - 1;
	};

	const list: Session[] = [];
	const workplaces = new Map<string, Workplace>();
	let total = 0;
	while (total < requests) {
		const refinements: Record<string, string[]> = {};
		const refined = weighted([35, 30, 20, 15]);
		const attributes = [...FACETS].sort(() => rnd() - 0.5).slice(0, refined);
		for (const facet of attributes) {
			const wanted = 1 + weighted([70, 30]);
			const chosen = new Set<string>();
			for (let i = 0; i < wanted; i++) {
				const value = facetValue(facet.attribute);
				if (value !== null) chosen.add(value);
			}
			if (chosen.size) refinements[facet.attribute] = [...chosen];
		}
		const hours = rnd() < 0.4;
		const workplace = rnd() < 0.3 ? workplaceOf() : null;
		if (workplace) workplaces.set(workplace.code, workplace);
		const base: SearchState = {
			q: '',
			refinements,
			hoursMin: hours ? pick([8, 12, 16, 20, 24]) : null,
			hoursMax: hours && rnd() < 0.7 ? pick([24, 32, 36, 40]) : null,
			availability: rnd() < 0.3 ? pick(AVAILABILITY) : null,
			workplace: workplace?.code ?? '',
			sort: workplace ? (rnd() < 0.8 ? 'afstand' : 'relevantie') : rnd() < 0.1 ? 'recent' : 'relevantie',
			page: 1
		};
		const typed = pick(TYPED);
		const states: SearchState[] = [{ ...base }];
		// InstantSearch searches on every keystroke, without debouncing.
		for (let i = 1; i <= typed.length; i++) states.push({ ...base, q: typed.slice(0, i) });
		const lastPage = 1 + weighted([60, 15, 10, 8, 7]);
		for (let page = 2; page <= lastPage; page++) states.push({ ...base, q: typed, page });
		list.push({ states, workplace });
		total += states.length;
	}
	return { list, workplaces: [...workplaces.values()] };
}

const quote = (value: string) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

/**
 * The body instant-meilisearch (finitePagination) sends for the widgets of live-search.svelte.ts:
 * configure's filters string first, then one OR-group per refined facet; one facets-only query per
 * refined facet without its own group (disjunctive faceting).
 */
function instantSearchBody(state: SearchState, workplace: Workplace | null, now: Date): MultiSearchRequest {
	const configured = baseFilters(state, workplace, now);
	const groups = (except?: string) =>
		FACETS.filter((f) => f.attribute !== except && state.refinements[f.attribute]?.length).map((f) =>
			state.refinements[f.attribute].map((v) => `${quote(f.attribute)}=${quote(v)}`)
		);
	const filterOf = (except?: string) => {
		const filter: (string | string[])[] = [
			...(configured.length ? [configured.join(' AND ')] : []),
			...groups(except)
		];
		return filter.length ? { filter } : {};
	};
	const sort = sortOf(state, workplace);
	const common = {
		indexUid: PROFILE_INDEX_UID,
		q: state.q,
		attributesToRetrieve: [...HIT_ATTRIBUTES],
		attributesToHighlight: ['title', 'summary'],
		highlightPreTag: HIGHLIGHT_PRE,
		highlightPostTag: HIGHLIGHT_POST,
		...(sort ? { sort } : {})
	};
	const main: SearchQuery = {
		...common,
		facets: [...FACETS.map((f) => f.attribute), 'hoursPerWeek'].sort(),
		...filterOf(),
		hitsPerPage: HITS_PER_PAGE,
		page: state.page
	};
	const disjunctive = FACETS.filter((f) => state.refinements[f.attribute]?.length).map((f): SearchQuery => ({
		...common,
		facets: [f.attribute],
		...filterOf(f.attribute),
		hitsPerPage: 0,
		page: 1
	}));
	return { queries: [main, ...disjunctive] };
}

export interface Workload {
	bodies: string[];
	/** The page states a server render of /kandidaten sees: the finished searches. */
	pages: SearchState[];
	workplaces: Workplace[];
	now: Date;
	queriesPerRequest: number;
}

export function buildWorkload(
	documents: readonly ProfileDocument[],
	requests: number,
	seed: number
): Workload {
	// Availability is a published category, so the clock no longer changes what a filter selects.
	const now = new Date('2026-01-01T12:00:00Z');
	const { list, workplaces } = sessions(documents, requests, seed);
	const bodies: string[] = [];
	let queries = 0;
	for (const session of list) {
		for (const state of session.states) {
			if (bodies.length === requests) break;
			const body = instantSearchBody(state, session.workplace, now);
			queries += body.queries.length;
			bodies.push(JSON.stringify(body));
		}
	}
	const pages = list.map((s) => s.states[s.states.length - 1]);
	return { bodies, pages, workplaces, now, queriesPerRequest: queries / bodies.length };
}

// ---------------------------------------------------------------------------------------------------
// In-process measurements

export async function runRequests(engine: SearchEngine, bodies: readonly string[]): Promise<LatencySummary> {
	const durations = new Float64Array(bodies.length);
	const cpu = new Float64Array(bodies.length);
	const began = performance.now();
	for (let i = 0; i < bodies.length; i++) {
		// The endpoint's work minus I/O: parse, validate, search, serialise.
		const c = process.cpuUsage();
		const t = performance.now();
		const request = validateMultiSearch(JSON.parse(bodies[i]));
		// As the endpoint does: the engine's own JSON text where it writes one.
		if (engine.multiSearchJson) await engine.multiSearchJson(request);
		else JSON.stringify(await engine.multiSearch(request));
		durations[i] = performance.now() - t;
		cpu[i] = cpuMs(c);
	}
	return summarise(durations, performance.now() - began, cpu);
}

/** `resolveWorkplace` looks municipalities up by code in this table. */
function stubDatabase(workplaces: readonly Workplace[]): Queryable {
	const rows = workplaces.map((w) => ({
		code: w.code,
		name: w.name,
		cbs_name: w.name,
		lat: w.lat,
		lon: w.lon
	}));
	return (async () => rows) as unknown as Queryable;
}

async function runPageRenders(
	engine: SearchEngine,
	workload: Workload,
	count: number
): Promise<LatencySummary> {
	useSearchEngine(engine);
	const sql = stubDatabase(workload.workplaces);
	const durations = new Float64Array(count);
	const cpu = new Float64Array(count);
	const began = performance.now();
	for (let i = 0; i < count; i++) {
		const c = process.cpuUsage();
		const t = performance.now();
		await runPageSearch(sql, workload.pages[i % workload.pages.length], workload.now);
		durations[i] = performance.now() - t;
		cpu[i] = cpuMs(c);
	}
	useSearchEngine(undefined);
	return summarise(durations, performance.now() - began, cpu);
}

// ---------------------------------------------------------------------------------------------------
// HTTP

/** Child process: the search endpoint on a bare node:http server, for autocannon in the parent. */
async function serve(documentsFile: string): Promise<void> {
	const documents = JSON.parse(readFileSync(documentsFile, 'utf8')) as ProfileDocument[];
	// As in the app: the index and the searches in a worker thread, HTTP on the main thread.
	const engine = createWorkerEngine({ documents, threads: Number(args.threads) });
	await engine.count();
	// As in the app without DATABASE_URL: embedded PGlite, where the search limit counts in memory.
	const { openDatabase } = await import('../src/lib/server/db/database');
	const { migrate } = await import('../src/lib/server/db/migrate');
	const db = await openDatabase({});
	await migrate(db.sql);
	const limit = searchLimit.withStore(storeOf(db));
	const server = createServer(async (req, res) => {
		if (req.method === 'GET' && req.url === '/healthz') {
			res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
			return;
		}
		if (req.method !== 'POST' || req.url !== '/api/search/multi-search') {
			res.writeHead(404).end();
			return;
		}
		const request = new Request(`http://127.0.0.1${req.url}`, {
			method: 'POST',
			headers: req.headers as Record<string, string>,
			body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
			duplex: 'half'
		} as RequestInit);
		const response = await handleMultiSearch(() => engine, request, clientAddress(req), randomUUID(), limit);
		res.writeHead(response.status, Object.fromEntries(response.headers));
		res.end(Buffer.from(await response.arrayBuffer()));
	});
	// Same keep-alive behaviour as adapter-node's default server.
	server.listen(0, '127.0.0.1', () => {
		process.send!({ port: (server.address() as AddressInfo).port });
	});
	process.on('disconnect', () => process.exit(0));
}

/** The rate limit is per address: each simulated employer gets their own, as X-Forwarded-For would. */
function clientAddress(req: IncomingMessage): string {
	const forwarded = req.headers['x-forwarded-for'];
	return (typeof forwarded === 'string' ? forwarded : undefined) ?? req.socket.remoteAddress ?? 'unknown';
}

function benchAddress(i: number): string {
	return `127.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
}

interface HttpSummary {
	requestsPerSecond: number;
	p50: number;
	p99: number;
	max: number;
	non2xx: number;
	errors: number;
	/** CPU time of the server process (user + system, all its threads) per request answered. */
	cpuMsPerRequest: number;
	/** GET /healthz, probed every 20 ms while the load ran. */
	healthzP99: number;
	healthzMax: number;
}

/** User + system CPU time of a process and all its threads so far, from /proc (Linux). */
export function processCpuMs(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// Fields after the command name, which is in parentheses and may contain spaces.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	const ticksPerSecond = 100;
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

/** Latencies of GET /healthz, one probe every `everyMs` until `stop` resolves. */
async function probeHealth(url: string, stop: Promise<unknown>, everyMs = 20): Promise<number[]> {
	const latencies: number[] = [];
	let done = false;
	void stop.finally(() => (done = true));
	while (!done) {
		const t = performance.now();
		try {
			const response = await fetch(`${url}/healthz`);
			await response.arrayBuffer();
		} catch {
			// A refused probe counts as its time.
		}
		latencies.push(performance.now() - t);
		await new Promise((resolve) => setTimeout(resolve, everyMs));
	}
	return latencies;
}

type BenchRequest = { method: string; path: string; body?: string; headers: Record<string, string> };

/**
 * One sequence shared by all connections: given the list itself, autocannon sends it from the start
 * on every connection, so ten connections would send each request ten times at once and every cache
 * would answer nine of them.
 */
function sharedSequence(requests: readonly BenchRequest[]) {
	let next = 0;
	return [{ setupRequest: () => ({ ...requests[next++ % requests.length] }) }];
}

async function cannon(url: string, requests: BenchRequest[], serverPid?: number): Promise<HttpSummary> {
	const cpuBefore = serverPid ? processCpuMs(serverPid) : 0;
	const load = Promise.resolve(
		autocannon({
			url,
			connections: CONNECTIONS,
			duration: HTTP_SECONDS,
			timeout: 10,
			requests: sharedSequence(requests)
		})
	);
	const health = await probeHealth(url, load);
	const result = await load;
	const cpu = serverPid ? processCpuMs(serverPid) - cpuBefore : Number.NaN;
	health.sort((a, b) => a - b);
	return {
		requestsPerSecond: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		max: result.latency.max,
		non2xx: result.non2xx,
		errors: result.errors + result.timeouts,
		// The probes are requests too, but cost next to nothing.
		cpuMsPerRequest: cpu / Math.max(1, result.requests.total),
		healthzP99: percentile(health, 99),
		healthzMax: health[health.length - 1] ?? Number.NaN
	};
}

function searchRequests(bodies: readonly string[]) {
	return bodies.map((body, i) => ({
		method: 'POST',
		path: '/api/search/multi-search',
		body,
		headers: { 'content-type': 'application/json', 'x-forwarded-for': benchAddress(i) }
	}));
}

function medianHttp(runs: HttpSummary[]): HttpSummary {
	const pick = (key: keyof HttpSummary) => median(runs.map((r) => r[key]));
	return {
		requestsPerSecond: pick('requestsPerSecond'),
		p50: pick('p50'),
		p99: pick('p99'),
		max: pick('max'),
		non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
		errors: runs.reduce((n, r) => n + r.errors, 0),
		cpuMsPerRequest: pick('cpuMsPerRequest'),
		healthzP99: pick('healthzP99'),
		healthzMax: Math.max(...runs.map((r) => r.healthzMax))
	};
}

async function httpBench(
	documents: readonly ProfileDocument[],
	workload: Workload
): Promise<Measured<HttpSummary>> {
	const dir = mkdtempSync(join(tmpdir(), 'kv-bench-search-'));
	const file = join(dir, 'documents.json');
	writeFileSync(file, JSON.stringify(documents));
	const child = fork(process.argv[1], ['--serve', file], { execArgv: process.execArgv, stdio: 'inherit' });
	try {
		const port = await new Promise<number>((resolve, reject) => {
			child.once('message', (m) => resolve((m as { port: number }).port));
			child.once('exit', (code) => reject(new Error(`search server exited with ${code}`)));
		});
		const url = `http://127.0.0.1:${port}`;
		const requests = searchRequests(workload.bodies);
		await cannon(url, requests.slice(0, 500)).catch(() => undefined);
		const runs: HttpSummary[] = [];
		const loads: number[] = [];
		for (let r = 0; r < RUNS; r++) {
			runs.push(await cannon(url, requests, child.pid));
			loads.push(loadAverage());
		}
		return { value: medianHttp(runs), load: median(loads) };
	} finally {
		stop(child);
		rmSync(dir, { recursive: true, force: true });
	}
}

function stop(child: ChildProcess): void {
	if (child.exitCode === null && child.pid) child.kill('SIGTERM');
}

// ---------------------------------------------------------------------------------------------------
// The built app

interface AppResult {
	profiles: number;
	published: number;
	database: 'PostgreSQL' | 'PGlite';
	/** First start: migration, demo import of all profiles, index build. */
	firstStartSeconds: number;
	/** Second start on the filled database: start-up to /readyz answering 200. */
	startSeconds: number;
	search: Measured<HttpSummary>;
	/** One search request at a time: latency without queueing, and the server's CPU per request. */
	searchSequential: Measured<LatencySummary & { cpuMean: number }>;
	page: Measured<HttpSummary>;
	/** Sequential GET /kandidaten, one at a time: render latency without queueing. */
	pageSequential: Measured<LatencySummary & { cpuMean: number }>;
	rssMB: number;
	/** RSS of the app every 10 s of the soak: [seconds, MB]. */
	soak: { seconds: number; rssMB: number; requests: number }[];
}

async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}

async function waitForApp(
	url: string,
	child: ChildProcess,
	timeoutMs: number,
	path = '/healthz'
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`node build exited with ${child.exitCode}`);
		try {
			const response = await fetch(`${url}${path}`);
			await response.arrayBuffer();
			if (response.ok) return;
		} catch {
			// Not listening yet: the demo import runs before the server accepts connections.
		}
		await new Promise((resolve) => setTimeout(resolve, path === '/readyz' ? 50 : 1000));
	}
	throw new Error('node build did not start in time');
}

function rssOf(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** One request at a time, with the server's CPU time per request. */
async function sequential(
	pid: number,
	count: number,
	send: (i: number) => Promise<Response>
): Promise<LatencySummary & { cpuMean: number }> {
	const durations = new Float64Array(count);
	const cpuBefore = processCpuMs(pid);
	const t0 = performance.now();
	for (let i = 0; i < count; i++) {
		const t = performance.now();
		const response = await send(i);
		await response.arrayBuffer();
		if (!response.ok) throw new Error(`request ${i}: ${response.status}`);
		durations[i] = performance.now() - t;
	}
	const cpuMean = (processCpuMs(pid) - cpuBefore) / count;
	return { ...summarise(durations, performance.now() - t0), cpuMean };
}

/** Sustained page load for `seconds`, with the app's RSS every 10 s. */
async function soakPages(
	url: string,
	pid: number,
	requests: { method: string; path: string; headers: Record<string, string> }[],
	seconds: number
): Promise<AppResult['soak']> {
	if (seconds <= 0) return [];
	const samples: AppResult['soak'] = [{ seconds: 0, rssMB: rssOf(pid), requests: 0 }];
	const began = performance.now();
	const run = Promise.resolve(
		autocannon({
			url,
			connections: CONNECTIONS,
			duration: seconds,
			timeout: 10,
			requests: sharedSequence(requests)
		})
	);
	const timer = setInterval(() => {
		const rssMB = rssOf(pid);
		const at = Math.round((performance.now() - began) / 1000);
		samples.push({ seconds: at, rssMB, requests: 0 });
		console.log(`  soak ${at} s: RSS ${rssMB.toFixed(0)} MB`);
	}, 10_000);
	const result = await run;
	clearInterval(timer);
	samples.push({
		seconds: Math.round((performance.now() - began) / 1000),
		rssMB: rssOf(pid),
		requests: result.requests.total
	});
	return samples;
}

async function freshDatabase(server: string): Promise<{ url: string; drop: () => Promise<void> }> {
	const { default: postgres } = await import('postgres');
	const name = `kv_bench_${randomUUID().slice(0, 8)}`;
	const admin = postgres(server, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	const url = new URL(server);
	url.pathname = `/${name}`;
	return {
		url: url.href,
		drop: async () => {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	};
}

function startApp(
	dir: string,
	port: number,
	profiles: number,
	databaseUrl: string,
	profileDir = ''
): ChildProcess {
	const logFd = openSync(join(dir, 'app.log'), 'a');
	const url = `http://127.0.0.1:${port}`;
	const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
	const child = spawn(process.execPath, [...profile, 'build'], {
		env: {
			...process.env,
			DATA_DIR: join(dir, 'data'),
			DATABASE_URL: databaseUrl,
			MEILI_URL: '',
			DEMO_DATA: 'on',
			DEMO_PROFILES: String(profiles),
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: url,
			LOG_LEVEL: args['app-log-level'],
			// The rate limit is per client address; each simulated employer sends its own.
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1'
		},
		stdio: ['ignore', logFd, logFd]
	});
	closeSync(logFd);
	return child;
}

async function stopAndWait(child: ChildProcess): Promise<void> {
	stop(child);
	await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
}

async function appBench(profiles: number): Promise<AppResult> {
	const dir = mkdtempSync(join(tmpdir(), 'kv-bench-app-'));
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const database = args.database ? await freshDatabase(args.database) : null;
	let began = performance.now();
	let child = startApp(dir, port, profiles, database?.url ?? '');
	try {
		await waitForApp(url, child, 30 * 60_000);
		const firstStartSeconds = (performance.now() - began) / 1000;
		await stopAndWait(child);
		began = performance.now();
		child = startApp(dir, port, profiles, database?.url ?? '', args['app-profile']);
		await waitForApp(url, child, 5 * 60_000, '/readyz');
		const startSeconds = (performance.now() - began) / 1000;
		const pid = child.pid!;
		const sample = await sampleDocuments(url);
		const published = await publishedCount(url);
		console.log(
			`  built app: first start ${firstStartSeconds.toFixed(0)} s, restart to ready ${startSeconds.toFixed(1)} s, ${published} published profiles`
		);
		const workload = buildWorkload(sample.documents, QUERIES, SEED);
		// The server computes "today" itself; the body's dates only choose which profiles pass.
		const requests = searchRequests(workload.bodies);
		await cannon(url, requests.slice(0, 500)).catch(() => undefined);
		const searchRuns: HttpSummary[] = [];
		const searchLoads: number[] = [];
		for (let r = 0; r < RUNS; r++) {
			searchRuns.push(await cannon(url, requests, pid));
			searchLoads.push(loadAverage());
		}
		const searchSequential = [];
		for (let r = 0; r < RUNS; r++) {
			searchSequential.push(
				await sequential(pid, Math.min(1000, requests.length), (i) =>
					fetch(url + requests[i].path, {
						method: 'POST',
						headers: requests[i].headers,
						body: requests[i].body
					})
				)
			);
		}
		const paths = workload.pages.map((state) =>
			searchHref({ ...state, workplace: nameOf(workload.workplaces, state.workplace) })
		);
		const pageRequests = paths.map((path, i) => ({
			method: 'GET',
			path,
			headers: { 'x-forwarded-for': benchAddress(i) }
		}));
		const pageRuns: HttpSummary[] = [];
		const pageLoads: number[] = [];
		for (let r = 0; r < RUNS; r++) {
			pageRuns.push(await cannon(url, pageRequests, pid));
			pageLoads.push(loadAverage());
		}
		const pageSequential = [];
		for (let r = 0; r < RUNS; r++) {
			pageSequential.push(
				await sequential(pid, Math.min(300, paths.length), (i) =>
					fetch(url + paths[i], { headers: pageRequests[i].headers })
				)
			);
		}
		const soak = await soakPages(url, pid, pageRequests, Number(args.soak));
		const withCpu = (runs: (LatencySummary & { cpuMean: number })[]) => ({
			...medianSummary(runs),
			cpuMean: median(runs.map((r) => r.cpuMean))
		});
		return {
			profiles,
			published,
			database: database ? 'PostgreSQL' : 'PGlite',
			firstStartSeconds,
			startSeconds,
			search: { value: medianHttp(searchRuns), load: median(searchLoads) },
			searchSequential: measured(withCpu(searchSequential)),
			page: { value: medianHttp(pageRuns), load: median(pageLoads) },
			pageSequential: measured(withCpu(pageSequential)),
			rssMB: rssOf(pid),
			soak
		};
	} finally {
		await stopAndWait(child);
		await database?.drop();
		rmSync(dir, { recursive: true, force: true });
	}
}

function nameOf(workplaces: readonly Workplace[], code: string): string {
	return workplaces.find((w) => w.code === code)?.name ?? '';
}

/** How many profiles the app's index holds: the total of an unfiltered search. */
async function publishedCount(url: string): Promise<number> {
	const response = await fetch(`${url}/api/search/multi-search`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-forwarded-for': benchAddress(200_000) },
		body: JSON.stringify({
			queries: [{ indexUid: PROFILE_INDEX_UID, q: '', hitsPerPage: 0, page: 1, facets: ['region'] }]
		})
	});
	// totalHits stops at maxTotalHits; every profile has exactly one region.
	const { results } = (await response.json()) as {
		results: { facetDistribution: Record<string, Record<string, number>> }[];
	};
	return Object.values(results[0].facetDistribution.region).reduce((a, b) => a + b, 0);
}

/** Up to 1000 published documents through the public API: enough to draw realistic refinements from. */
async function sampleDocuments(url: string): Promise<{ documents: ProfileDocument[] }> {
	const documents: ProfileDocument[] = [];
	for (let offset = 0; offset < 1000; offset += 50) {
		const response = await fetch(`${url}/api/search/multi-search`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-forwarded-for': benchAddress(100_000 + offset) },
			body: JSON.stringify({ queries: [{ indexUid: PROFILE_INDEX_UID, q: '', limit: 50, offset }] })
		});
		if (!response.ok) throw new Error(`sampling documents: ${response.status} ${await response.text()}`);
		const { results } = (await response.json()) as {
			results: { hits: ProfileDocument[] }[];
		};
		documents.push(...results[0].hits);
		if (results[0].hits.length < 50) break;
	}
	return { documents };
}

// ---------------------------------------------------------------------------------------------------
// Baseline: MiniSearch (already a dependency), doing the same work the plain way

/**
 * What the requests cost on MiniSearch: its own prefix and fuzzy search over the same searchable
 * attributes (fuzziness close to Meilisearch's: 1 typo from 5 letters, 2 from 9), then the filter,
 * the facet counts and the page computed over the hits in plain JavaScript, as an application on
 * MiniSearch would have to. No highlighting. Reported as a CPU ratio to the embedded engine.
 */
async function miniSearchBaseline(
	documents: readonly ProfileDocument[],
	bodies: readonly string[]
): Promise<{ buildSeconds: number; cpu: LatencySummary }> {
	const fields = [...PROFILE_INDEX.searchableAttributes];
	const c = process.cpuUsage();
	const mini = new MiniSearch<ProfileDocument>({
		fields,
		idField: 'id',
		extractField: (doc, field) => {
			const value = (doc as unknown as Record<string, unknown>)[field];
			return Array.isArray(value) ? value.join(' ') : value == null ? '' : String(value);
		},
		searchOptions: {
			prefix: (term, i, terms) => i === terms.length - 1,
			fuzzy: (term) => (term.length >= 9 ? 2 : term.length >= 5 ? 1 : false),
			combineWith: 'AND'
		}
	});
	mini.addAll(documents as ProfileDocument[]);
	const buildSeconds = cpuMs(c) / 1000;
	const cpu = await replayPlainly(documents, bodies, async (q) => mini.search(q).map((r) => r.id as string));
	return { buildSeconds, cpu };
}

type Doc = Record<string, unknown>;

/**
 * Replays the requests the way an application on a plain text index has to: the index gives the ids
 * matching `q`, and the filter, the facet counts and the page are computed over those documents in
 * JavaScript. `extraCpuMs` adds CPU spent elsewhere (a database server) per request.
 */
async function replayPlainly(
	documents: readonly ProfileDocument[],
	bodies: readonly string[],
	match: (q: string) => Promise<string[]>,
	extraCpuMs: () => number = () => 0
): Promise<LatencySummary> {
	const byId = new Map(documents.map((d) => [d.id, d as unknown as Doc]));
	const all = documents as unknown as Doc[];
	const durations = new Float64Array(bodies.length);
	const cpu = new Float64Array(bodies.length);
	const began = performance.now();
	for (let i = 0; i < bodies.length; i++) {
		const t = performance.now();
		const cc = process.cpuUsage();
		const extraBefore = extraCpuMs();
		const request = validateMultiSearch(JSON.parse(bodies[i]));
		const results = [];
		for (const query of request.queries) {
			const filter = planFilter(query.filter, PROFILE_INDEX);
			const q = (query.q ?? '').trim();
			const found = q ? (await match(q)).map((id) => byId.get(id)!).filter(Boolean) : all;
			const hits = filter ? found.filter((d) => matchesDocument(filter, d)) : found;
			const facetDistribution: Record<string, Record<string, number>> = {};
			for (const facet of query.facets ?? []) {
				const counts: Record<string, number> = {};
				for (const d of hits) {
					for (const v of new Set((leafValues(d, facet) ?? []).map(String))) counts[v] = (counts[v] ?? 0) + 1;
				}
				facetDistribution[facet] = counts;
			}
			const perPage = query.hitsPerPage ?? 20;
			const from = ((query.page ?? 1) - 1) * perPage;
			results.push({ hits: hits.slice(from, from + perPage), totalHits: hits.length, facetDistribution });
		}
		JSON.stringify({ results });
		durations[i] = performance.now() - t;
		cpu[i] = cpuMs(cc) + (extraCpuMs() - extraBefore);
	}
	return summarise(durations, performance.now() - began, cpu);
}

// Baseline: PostgreSQL full-text search on the same searchable text

/**
 * The same requests with PostgreSQL's own full-text search doing the text part: one tsvector per
 * profile ('simple' configuration: Meilisearch does not stem), a GIN index, every word required and the
 * last one as a prefix (`word:*`). PostgreSQL has no typo tolerance, so it does less than the engine.
 * CPU is this process's plus the database backend's (read from /proc; the server is on this machine).
 */
async function pgFullTextBaseline(
	documents: readonly ProfileDocument[],
	bodies: readonly string[],
	server: string
): Promise<{ buildSeconds: number; cpu: LatencySummary }> {
	const { default: postgres } = await import('postgres');
	const database = await freshDatabase(server);
	const sql = postgres(database.url, { max: 1, onnotice: () => {} });
	try {
		const fields = [...PROFILE_INDEX.searchableAttributes];
		const text = (d: ProfileDocument) =>
			fields
				.map((f) => (d as unknown as Doc)[f])
				.map((v) => (Array.isArray(v) ? v.join(' ') : v == null ? '' : String(v)))
				.join(' ');
		const [{ pid }] = await sql<{ pid: number }[]>`select pg_backend_pid() as pid`;
		const backendCpu = () => processCpuMs(pid);
		const began = performance.now();
		await sql`create table profiles_fts (id text primary key, body text not null, tsv tsvector)`;
		for (let i = 0; i < documents.length; i += 1000) {
			const rows = documents.slice(i, i + 1000).map((d) => ({ id: d.id, body: text(d) }));
			await sql`insert into profiles_fts ${sql(rows, 'id', 'body')}`;
		}
		await sql`update profiles_fts set tsv = to_tsvector('simple', body)`;
		await sql`create index profiles_fts_tsv on profiles_fts using gin (tsv)`;
		await sql`analyze profiles_fts`;
		const buildSeconds = (performance.now() - began) / 1000;
		const cpu = await replayPlainly(
			documents,
			bodies,
			async (q) => {
				const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
				if (!words.length) return documents.map((d) => d.id);
				const query = words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');
				const rows = await sql<{ id: string }[]>`
					select id from profiles_fts where tsv @@ to_tsquery('simple', ${query})`;
				return rows.map((r) => r.id);
			},
			backendCpu
		);
		return { buildSeconds, cpu };
	} finally {
		await sql.end();
		await database.drop();
	}
}

// ---------------------------------------------------------------------------------------------------
// One dataset

interface DatasetResult {
	dataset: string;
	documents: number;
	buildSeconds: Measured<number>;
	buildCpuSeconds: number;
	/** CPU time to precompute the one- and two-letter prefixes after the build. */
	warmCpuSeconds: number;
	/** Heap plus off-heap (typed arrays) the built index keeps alive, after full GC. */
	retainedMB: number;
	rssDeltaMB: number;
	/** The process's RSS once the index and its first-keystroke answers are built. */
	rssMB: number;
	queriesPerRequest: number;
	inProcess: Measured<LatencySummary>;
	pageRender: Measured<LatencySummary>;
	http: Measured<HttpSummary> | null;
	/** The same first requests on the embedded engine and on MiniSearch; null when skipped. */
	baseline: {
		requests: number;
		engine: LatencySummary;
		miniSearch: LatencySummary;
		miniSearchBuildSeconds: number;
		/** With --database: PostgreSQL full-text search (client and server CPU); else null. */
		postgres: LatencySummary | null;
		postgresBuildSeconds: number | null;
	} | null;
}

async function benchDataset(dataset: string, documents: ProfileDocument[]): Promise<DatasetResult> {
	console.log(`\n${dataset}: ${documents.length} documents (load ${loadAverage()})`);
	collect();
	const before = process.memoryUsage();
	let t = performance.now();
	let c = process.cpuUsage();
	// Held in an object so dropping it before a collection is an explicit, visible step.
	const built = { engine: createEmbeddedEngine({ documents }) as SearchEngine | null };
	const builds = [performance.now() - t];
	const buildCpu = [cpuMs(c)];
	collect();
	const after = process.memoryUsage();
	const retainedMB = (after.heapUsed + after.external - before.heapUsed - before.external) / 1e6;
	const rssDeltaMB = (after.rss - before.rss) / 1e6;
	for (let r = 1; r < RUNS; r++) {
		built.engine = null;
		collect();
		t = performance.now();
		c = process.cpuUsage();
		built.engine = createEmbeddedEngine({ documents });
		builds.push(performance.now() - t);
		buildCpu.push(cpuMs(c));
	}
	const buildSeconds = measured(median(builds) / 1000);
	const buildCpuSeconds = median(buildCpu) / 1000;
	// The first keystrokes' answers, computed after the build (in the app: in the background).
	c = process.cpuUsage();
	const index = (built.engine as EmbeddedSearchEngine).snapshot;
	warmShortPrefixes(
		index,
		() => index,
		(step) => step(),
		Number.POSITIVE_INFINITY
	);
	const warmCpuSeconds = cpuMs(c) / 1000;
	const rssMB = process.memoryUsage().rss / 1e6;
	console.log(
		`  build ${buildSeconds.value.toFixed(2)} s, CPU ${buildCpuSeconds.toFixed(2)} s (runs: ${builds.map((b) => (b / 1000).toFixed(2)).join(', ')}), retained ${retainedMB.toFixed(0)} MB; short prefixes ${warmCpuSeconds.toFixed(2)} s CPU`
	);

	const workload = buildWorkload(documents, QUERIES, SEED);
	// Each run types its own sessions (seed + run), after a warm-up of others: the engine's memos then
	// help only where employers type the same words, as they do in production, never by replaying a run.
	await runRequests(built.engine!, buildWorkload(documents, 300, SEED + 1000).bodies);
	const runs: LatencySummary[] = [];
	const loads: number[] = [];
	for (let r = 0; r < RUNS; r++) {
		collect();
		const bodies = r === 0 ? workload.bodies : buildWorkload(documents, QUERIES, SEED + r).bodies;
		runs.push(await runRequests(built.engine!, bodies));
		loads.push(loadAverage());
		console.log(
			`  in-process run ${r + 1}: CPU mean ${runs[r].cpuMean.toFixed(2)} ms; p50 ${runs[r].p50.toFixed(2)} p95 ${runs[r].p95.toFixed(2)} p99 ${runs[r].p99.toFixed(2)} ms; CPU p95 ${runs[r].cpuP95.toFixed(2)} p99 ${runs[r].cpuP99.toFixed(2)} ms (load ${loads[r]})`
		);
	}
	const baselineCount = Math.min(Number(args['baseline-queries']), workload.bodies.length);
	let baseline: DatasetResult['baseline'] = null;
	if (baselineCount > 0) {
		const bodies = workload.bodies.slice(0, baselineCount);
		collect();
		const engine = await runRequests(built.engine!, bodies);
		const mini = await miniSearchBaseline(documents, bodies);
		const pg = args.database ? await pgFullTextBaseline(documents, bodies, args.database) : null;
		baseline = {
			requests: baselineCount,
			engine,
			miniSearch: mini.cpu,
			miniSearchBuildSeconds: mini.buildSeconds,
			postgres: pg?.cpu ?? null,
			postgresBuildSeconds: pg?.buildSeconds ?? null
		};
		console.log(
			`  MiniSearch baseline (${baselineCount} requests): CPU mean ${mini.cpu.cpuMean.toFixed(2)} ms vs ${engine.cpuMean.toFixed(2)} ms (${(mini.cpu.cpuMean / engine.cpuMean).toFixed(1)}×), build CPU ${mini.buildSeconds.toFixed(1)} s`
		);
		if (pg)
			console.log(
				`  PostgreSQL full-text baseline: CPU mean ${pg.cpu.cpuMean.toFixed(2)} ms (client + server) vs ${engine.cpuMean.toFixed(2)} ms (${(pg.cpu.cpuMean / engine.cpuMean).toFixed(1)}×), build ${pg.buildSeconds.toFixed(1)} s wall`
			);
		collect();
	}
	const renders = Math.min(500, Math.max(100, workload.pages.length));
	const pageRuns: LatencySummary[] = [];
	for (let r = 0; r < RUNS; r++) pageRuns.push(await runPageRenders(built.engine!, workload, renders));
	const pageRender = measured(medianSummary(pageRuns));
	console.log(`  page search p95 ${pageRender.value.p95.toFixed(2)} ms`);

	let http: Measured<HttpSummary> | null = null;
	built.engine = null;
	if (!args['no-http']) {
		collect();
		http = await httpBench(documents, workload);
		console.log(
			`  HTTP ${http.value.requestsPerSecond.toFixed(0)} req/s, p99 ${http.value.p99} ms (load ${http.load})`
		);
	}
	return {
		dataset,
		documents: documents.length,
		buildSeconds,
		buildCpuSeconds,
		warmCpuSeconds,
		retainedMB,
		rssDeltaMB,
		rssMB,
		queriesPerRequest: workload.queriesPerRequest,
		inProcess: { value: medianSummary(runs), load: median(loads) },
		pageRender,
		http,
		baseline
	};
}

async function importedDocuments(profiles: number): Promise<ProfileDocument[]> {
	const { openDatabase } = await import('../src/lib/server/db/database');
	const { migrate } = await import('../src/lib/server/db/migrate');
	const { loadDemoData } = await import('../src/lib/server/demo/load-demo');
	const { loadAllPublicDocuments } = await import('../src/lib/server/search-service/search-service');
	const dir = mkdtempSync(join(tmpdir(), 'kv-bench-import-'));
	const db = await openDatabase({ dataDir: join(dir, 'data') });
	try {
		await migrate(db.sql);
		const t = performance.now();
		await loadDemoData(db.sql, { profiles, seed: 42 });
		const documents = await loadAllPublicDocuments(db.sql);
		console.log(
			`import of ${profiles} demo profiles: ${documents.length} published in ${((performance.now() - t) / 1000).toFixed(0)} s`
		);
		return documents;
	} finally {
		await db.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

// ---------------------------------------------------------------------------------------------------
// Report

const ms = (v: number) => `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms`;
const verdict = (ok: boolean) => (ok ? '✓' : '✗');
const cell = (text: string, ok: boolean | null, load: number) =>
	`${text}${ok === null ? '' : ` ${verdict(ok)}`} (load ${load.toFixed(1)})`;

function table(results: DatasetResult[], app: AppResult | null): string {
	const header = `| Metric | Target | ${results.map((r) => `${r.dataset} (${r.documents.toLocaleString('en')})`).join(' | ')} |`;
	const rule = `|---|---|${results.map(() => '---|').join('')}`;
	const row = (metric: string, target: string, f: (r: DatasetResult) => string) =>
		`| ${metric} | ${target} | ${results.map(f).join(' | ')} |`;
	const lines = [
		header,
		rule,
		row(
			'Index build (median, wall)',
			`≤ ${TARGETS.buildSeconds} s at 100k, ≤ ${TARGETS_1M.buildSeconds} s at 1M`,
			(r) =>
				cell(
					`${r.buildSeconds.value.toFixed(2)} s (CPU ${r.buildCpuSeconds.toFixed(2)} s)`,
					r.buildCpuSeconds <= (r.documents >= AT_1M ? TARGETS_1M.buildSeconds : TARGETS.buildSeconds),
					r.buildSeconds.load
				)
		),
		row('Short-prefix precomputation after the build, CPU', '—', (r) => `${r.warmCpuSeconds.toFixed(2)} s`),
		row(
			'Retained by index (heap + typed arrays)',
			'—',
			(r) => `${r.retainedMB.toFixed(0)} MB (RSS +${r.rssDeltaMB.toFixed(0)} MB)`
		),
		row('Process RSS with the index built', `≤ ${TARGETS_1M.rssMB} MB at 1M`, (r) =>
			r.documents >= AT_1M
				? `${r.rssMB.toFixed(0)} MB ${verdict(r.rssMB <= TARGETS_1M.rssMB)}`
				: `${r.rssMB.toFixed(0)} MB`
		),
		row('Queries per request (avg)', '—', (r) => r.queriesPerRequest.toFixed(2)),
		row('In-process request p50', '—', (r) => cell(ms(r.inProcess.value.p50), null, r.inProcess.load)),
		row('In-process request p95', `≤ ${TARGETS.p95Ms} ms`, (r) =>
			cell(ms(r.inProcess.value.p95), r.inProcess.value.p95 <= TARGETS.p95Ms, r.inProcess.load)
		),
		row('In-process request p99', `≤ ${TARGETS.p99Ms} ms`, (r) =>
			cell(ms(r.inProcess.value.p99), r.inProcess.value.p99 <= TARGETS.p99Ms, r.inProcess.load)
		),
		row('In-process CPU time per request p50 / p95 / p99', `p95 ≤ ${TARGETS_1M.cpuP95Ms} ms at 1M`, (r) =>
			cell(
				`${ms(r.inProcess.value.cpuP50)} / ${ms(r.inProcess.value.cpuP95)} / ${ms(r.inProcess.value.cpuP99)}`,
				r.documents >= AT_1M ? r.inProcess.value.cpuP95 <= TARGETS_1M.cpuP95Ms : null,
				r.inProcess.load
			)
		),
		row('CPU per request against the smallest size, per document', '≤ 1 (linear)', (r) => {
			const base = results.reduce((a, b) => (b.documents < a.documents ? b : a));
			if (r === base) return '1 (reference)';
			const growth =
				r.inProcess.value.cpuMean / base.inProcess.value.cpuMean / (r.documents / base.documents);
			return `${growth.toFixed(2)} ${verdict(growth <= 1)}`;
		}),
		row('In-process CPU time per request, mean', `≤ ${TARGETS.appCpuMs} ms`, (r) =>
			cell(ms(r.inProcess.value.cpuMean), r.inProcess.value.cpuMean <= TARGETS.appCpuMs, r.inProcess.load)
		),
		row('In-process requests/s (1 thread)', '—', (r) => r.inProcess.value.perSecond.toFixed(0)),
		row('HTTP (node:http + handleMultiSearch) req/s', `≥ ${TARGETS.httpRps}`, (r) =>
			r.http
				? cell(
						r.http.value.requestsPerSecond.toFixed(0),
						r.http.value.requestsPerSecond >= TARGETS.httpRps,
						r.http.load
					)
				: 'skipped'
		),
		row('HTTP p99', `≤ ${TARGETS.httpP99Ms} ms`, (r) =>
			r.http ? cell(`${r.http.value.p99} ms`, r.http.value.p99 <= TARGETS.httpP99Ms, r.http.load) : 'skipped'
		),
		row('HTTP server CPU per request (all threads)', `≤ ${TARGETS.appCpuMs} ms`, (r) =>
			r.http
				? cell(
						ms(r.http.value.cpuMsPerRequest),
						r.http.value.cpuMsPerRequest <= TARGETS.appCpuMs,
						r.http.load
					)
				: 'skipped'
		),
		row('GET /healthz during the HTTP load, p99 / max', `≤ ${TARGETS.healthzMs} ms`, (r) =>
			r.http
				? cell(
						`${ms(r.http.value.healthzP99)} / ${ms(r.http.value.healthzMax)}`,
						r.http.value.healthzMax <= TARGETS.healthzMs,
						r.http.load
					)
				: 'skipped'
		),
		row('Page search (runPageSearch) p95', `≤ ${TARGETS.renderP95Ms} ms`, (r) =>
			cell(ms(r.pageRender.value.p95), r.pageRender.value.p95 <= TARGETS.renderP95Ms, r.pageRender.load)
		),
		row('Page search CPU time p95', '—', (r) => cell(ms(r.pageRender.value.cpuP95), null, r.pageRender.load)),
		row('MiniSearch baseline: CPU per request, mean / p95 (same requests)', '—', (r) =>
			r.baseline
				? `${ms(r.baseline.miniSearch.cpuMean)} / ${ms(r.baseline.miniSearch.cpuP95)} vs ${ms(r.baseline.engine.cpuMean)} / ${ms(r.baseline.engine.cpuP95)}: ${(r.baseline.miniSearch.cpuMean / r.baseline.engine.cpuMean).toFixed(1)}× the embedded engine (${r.baseline.requests} requests; build CPU ${r.baseline.miniSearchBuildSeconds.toFixed(1)} s)`
				: 'skipped'
		),
		row('PostgreSQL full-text baseline: CPU per request (client + server), mean / p95', '—', (r) =>
			r.baseline?.postgres
				? `${ms(r.baseline.postgres.cpuMean)} / ${ms(r.baseline.postgres.cpuP95)}: ${(r.baseline.postgres.cpuMean / r.baseline.engine.cpuMean).toFixed(1)}× the embedded engine (build ${r.baseline.postgresBuildSeconds!.toFixed(1)} s wall)`
				: 'skipped (needs --database)'
		)
	];
	// `--sizes 0 --app N` measures the app alone: no in-process table of empty columns.
	if (results.length === 0) lines.length = 0;
	if (app) {
		const search = app.search.value;
		const seq = app.searchSequential.value;
		const page = app.pageSequential.value;
		lines.push(
			'',
			`Built app (\`node build\`, ${app.published.toLocaleString('en')} published of ${app.profiles.toLocaleString('en')} demo profiles, ${app.database}, ${CONNECTIONS} connections; CPU = the server process, all threads):`,
			'',
			'| Metric | Target | Value |',
			'|---|---|---|',
			`| First start (migrate, demo import, index) | — | ${app.firstStartSeconds.toFixed(0)} s |`,
			`| Restart to ready (/readyz 200) | ≤ ${TARGETS.startSeconds} s | ${app.startSeconds.toFixed(1)} s ${verdict(app.startSeconds <= TARGETS.startSeconds)} |`,
			`| POST /api/search/multi-search req/s | ≥ ${TARGETS.httpRps} | ${cell(search.requestsPerSecond.toFixed(0), search.requestsPerSecond >= TARGETS.httpRps, app.search.load)} |`,
			`| POST /api/search/multi-search p99 (concurrent) | ≤ ${TARGETS.httpP99Ms} ms | ${cell(`${search.p99} ms`, search.p99 <= TARGETS.httpP99Ms, app.search.load)} |`,
			`| App CPU per search request, mean (concurrent) | ≤ ${TARGETS.appCpuMs} ms | ${cell(ms(search.cpuMsPerRequest), search.cpuMsPerRequest <= TARGETS.appCpuMs, app.search.load)} |`,
			`| App CPU per search request, mean (sequential) | ≤ ${TARGETS.appCpuMs} ms | ${cell(ms(seq.cpuMean), seq.cpuMean <= TARGETS.appCpuMs, app.searchSequential.load)} |`,
			`| Search p95 / p99 (sequential, wall) | ≤ ${TARGETS.p95Ms} / ${TARGETS.p99Ms} ms | ${cell(`${ms(seq.p95)} / ${ms(seq.p99)}`, seq.p95 <= TARGETS.p95Ms && seq.p99 <= TARGETS.p99Ms, app.searchSequential.load)} |`,
			`| GET /healthz during search load, p99 / max | ≤ ${TARGETS.healthzMs} ms | ${cell(`${ms(search.healthzP99)} / ${ms(search.healthzMax)}`, search.healthzMax <= TARGETS.healthzMs, app.search.load)} |`,
			`| GET /kandidaten req/s (concurrent) | — | ${cell(app.page.value.requestsPerSecond.toFixed(0), null, app.page.load)} |`,
			`| GET /kandidaten p99 (concurrent) | — | ${cell(`${app.page.value.p99} ms`, null, app.page.load)} |`,
			`| GET /kandidaten CPU per render, mean (sequential) | ≤ ${TARGETS.pageCpuMs} ms | ${cell(ms(page.cpuMean), page.cpuMean <= TARGETS.pageCpuMs, app.pageSequential.load)} |`,
			`| GET /kandidaten p50 / p95 (sequential) | — / ≤ ${TARGETS.renderP95Ms} ms | ${cell(`${ms(page.p50)} / ${ms(page.p95)}`, page.p95 <= TARGETS.renderP95Ms, app.pageSequential.load)} |`,
			`| RSS after the runs | — | ${app.rssMB.toFixed(0)} MB |`
		);
		if (app.soak.length) {
			const first = app.soak[0];
			const last = app.soak[app.soak.length - 1];
			const peak = Math.max(...app.soak.map((p) => p.rssMB));
			lines.push(
				`| RSS over ${last.seconds} s of GET /kandidaten (${last.requests} pages) | flat | ${first.rssMB.toFixed(0)} → ${last.rssMB.toFixed(0)} MB, peak ${peak.toFixed(0)} MB |`,
				'',
				`RSS during the soak (s: MB): ${app.soak.map((p) => `${p.seconds}: ${p.rssMB.toFixed(0)}`).join(', ')}`
			);
		}
	}
	return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------
// Main

async function main(): Promise<void> {
	if (args.serve) return serve(args.serve);
	if (typeof globalThis.gc !== 'function') {
		// Retained memory is only meaningful after a full collection.
		const child = spawnSync(
			process.execPath,
			['--expose-gc', ...process.execArgv, process.argv[1], ...process.argv.slice(2)],
			{ stdio: 'inherit' }
		);
		process.exit(child.status ?? 1);
	}
	const started = new Date();
	const loadBefore = readFileSync('/proc/loadavg', 'utf8').trim();
	const results: DatasetResult[] = [];
	for (const size of args
		.sizes!.split(',')
		.map(Number)
		.filter((n) => n > 0)) {
		results.push(await benchDataset('synthetic', randomProfileDocuments(size, SEED)));
		collect();
	}
	const importProfiles = Number(args.import);
	if (importProfiles > 0) results.push(await benchDataset('import', await importedDocuments(importProfiles)));
	const appProfiles = Number(args.app);
	let app: AppResult | null = null;
	if (appProfiles > 0) {
		console.log(`\nbuilt app with ${appProfiles} demo profiles (load ${loadAverage()})`);
		app = await appBench(appProfiles);
	}
	const machine = {
		cpus: cpus().length,
		cpuModel: cpus()[0]?.model ?? '?',
		memoryGiB: Math.round(totalmem() / 2 ** 30),
		node: process.version,
		loadBefore,
		loadAfter: readFileSync('/proc/loadavg', 'utf8').trim()
	};
	const markdown = table(results, app);
	console.log(
		`\n${markdown}\n\n${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}; /proc/loadavg before: ${machine.loadBefore}, after: ${machine.loadAfter}. Latencies: median over ${RUNS} runs of ${QUERIES} requests each, each run its own sessions (seed ${SEED} + run).`
	);
	mkdirSync('bench-results', { recursive: true });
	const file = join('bench-results', `search-${started.toISOString().replace(/[:.]/g, '-')}.json`);
	writeFileSync(
		file,
		JSON.stringify({ started, args, targets: TARGETS, machine, results, app, markdown }, null, '\t')
	);
	console.log(`results: ${file}`);
}

// Importable without running, e.g. from a profiling harness that wants the same workload.
if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
