/**
 * Start-up benchmark of the embedded search: `npx tsx scripts/bench-startup.ts [--profiles 100000]`.
 *
 * What `startSearch` does on a restart without Meilisearch, on a PostgreSQL server (DATABASE_URL, or
 * 127.0.0.1:5432): start the search worker, read every published document from `public_profiles` and
 * build the index in the worker, until the engine answers a search. The documents are synthetic
 * profiles (`randomProfileDocuments`) written to a fresh database that is dropped afterwards. Reports
 * wall time per phase, the CPU time of this process (all threads: the worker builds the index) and
 * the load average, median of `--runs`.
 */
import { loadavg } from 'node:os';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { createWorkerEngine } from '../search/index';
import { randomProfileDocuments } from '../search/testing/random-documents';
import { loadAllPublicDocuments, reindexFromDatabase } from '../src/lib/server/search-service/search-service';

const { values } = parseArgs({
	options: {
		profiles: { type: 'string', default: '100000' },
		runs: { type: 'string', default: '3' },
		database: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' }
	}
});
const profiles = Number(values.profiles);
const runs = Number(values.runs);

const admin = postgres(values.database, { max: 1, onnotice: () => {} });
const name = `kv_bench_startup_${randomUUID().slice(0, 8)}`;
await admin.unsafe(`create database ${name}`);
const url = new URL(values.database);
url.pathname = `/${name}`;
const sql = postgres(url.href, { max: 4, onnotice: () => {} });
try {
	await sql`create table public_profiles (public_ref text primary key, document jsonb not null)`;
	const documents = randomProfileDocuments(profiles, 7);
	for (let i = 0; i < documents.length; i += 2000) {
		const rows = documents
			.slice(i, i + 2000)
			.map((d) => ({ public_ref: d.id, document: sql.json(d as never) }));
		await sql`insert into public_profiles ${sql(rows, 'public_ref', 'document')}`;
	}
	console.log(`${profiles} profiles in ${name} (load ${loadavg()[0].toFixed(1)})`);
	// The phases on their own: reading the documents, then building in a worker.
	const readCpu = process.cpuUsage();
	const readStart = performance.now();
	const read = await loadAllPublicDocuments(sql);
	const readMs = performance.now() - readStart;
	const readUsed = process.cpuUsage(readCpu);
	const buildEngine = createWorkerEngine({ threads: 1 });
	await buildEngine.count();
	const buildStart = performance.now();
	await buildEngine.replaceAll(read);
	const buildMs = performance.now() - buildStart;
	await buildEngine.close();
	console.log(
		`phases: read ${(readMs / 1000).toFixed(2)} s wall (${((readUsed.user + readUsed.system) / 1e6).toFixed(2)} s CPU), worker replaceAll ${(buildMs / 1000).toFixed(2)} s wall`
	);
	const results: { ready: number; cpu: number; load: number }[] = [];
	for (let run = 0; run < runs; run++) {
		const load = loadavg()[0];
		const cpu = process.cpuUsage();
		const start = performance.now();
		const engine = createWorkerEngine({ threads: 1 });
		await reindexFromDatabase(sql, engine);
		await engine.multiSearch({ queries: [{ indexUid: 'profiles', q: 'kassa', limit: 1 }] });
		const ready = performance.now() - start;
		const used = process.cpuUsage(cpu);
		results.push({ ready, cpu: (used.user + used.system) / 1000, load });
		console.log(
			`run ${run + 1}: ready ${(ready / 1000).toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU (load ${load.toFixed(1)})`
		);
		await engine.close();
	}
	const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
	console.log(
		`median: ready ${(median(results.map((r) => r.ready)) / 1000).toFixed(2)} s wall, ${(median(results.map((r) => r.cpu)) / 1000).toFixed(2)} s CPU`
	);
} finally {
	await sql.end();
	await admin.unsafe(`drop database ${name}`);
	await admin.end();
}
