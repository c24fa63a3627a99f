/**
 * Import benchmark: `npm run bench:import [-- --profiles 100000 --seed 42 --keep]`. Generates a demo export,
 * imports it into a fresh database (a new database on DATABASE_URL's server, else an embedded PGlite in
 * a temp folder), imports it again (must change nothing), checks k-anonymity, and reports time and
 * peak memory (RSS) of this process.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { parseConfig } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db/database';
import { migrate } from '../src/lib/server/db/migrate';
import { runImport } from '../src/lib/server/import/run-import';
import { checkKAnonymity } from '../src/lib/server/profiles/k-check';
import { listPublicDocuments } from '../src/lib/server/profiles/queries';

const { values } = parseArgs({
	options: { profiles: { type: 'string', default: '100000' }, seed: { type: 'string', default: '42' } }
});
const profiles = Number(values.profiles);
const dir = mkdtempSync(join(tmpdir(), 'kv-bench-'));
const file = join(dir, 'demo.csv');

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
const seconds = (start: number) => ((performance.now() - start) / 1000).toFixed(1);

let t = performance.now();
// In a child process, so the generator's memory (faker's locale data) does not count as the import's.
execFileSync(
	process.execPath,
	[
		'--import',
		'tsx',
		'scripts/seed.ts',
		'--profiles',
		String(profiles),
		'--seed',
		values.seed!,
		'--out',
		file
	],
	{ stdio: 'ignore' }
);
console.log(
	`seed: ${profiles} rows, ${(statSync(file).size / 1e6).toFixed(1)} MB in ${seconds(t)} s (RSS now ${(process.memoryUsage.rss() / 1e6).toFixed(0)} MB)`
);

const serverUrl = parseConfig().DATABASE_URL;
let benchUrl: string | undefined;
let admin: postgres.Sql | undefined;
if (serverUrl) {
	admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	const name = `kv_bench_${Date.now().toString(36)}`;
	await admin.unsafe(`create database ${name}`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	benchUrl = url.toString();
}
const db = await openDatabase({ databaseUrl: benchUrl, dataDir: benchUrl ? undefined : join(dir, 'data') });
try {
	await migrate(db.sql);
	t = performance.now();
	const first = await runImport(db.sql, file, { fileName: 'bench.csv' });
	const importSeconds = seconds(t);
	console.log(
		`import (${db.embedded ? 'PGlite' : 'PostgreSQL'}): ${importSeconds} s — new ${first.created}, rejected ${first.rejected}, published ${first.published}, suppressed ${first.suppressed}`
	);
	t = performance.now();
	const second = await runImport(db.sql, file, { fileName: 'bench.csv' });
	console.log(
		`re-import: ${seconds(t)} s — unchanged ${second.unchanged}, updated ${second.updated}, new ${second.created}`
	);
	const importPeak = Math.max(peak, process.resourceUsage().maxRSS * 1024) / 1e6;
	console.log(
		`peak RSS during both imports: ${importPeak.toFixed(0)} MB (this process; PGlite runs inside it)`
	);
	const docs = [];
	for await (const page of listPublicDocuments(db.sql)) docs.push(...page);
	const check = checkKAnonymity(docs, 5);
	console.log(
		`k-anonymity (k = 5) over ${docs.length} published profiles: smallest class ${check.smallestVectorClass} over the whole single-valued vector, ${check.smallestItemClass} over sector/experience items with location and education; ${check.profilesBelowK} profiles and ${check.itemsBelowK} items below k`
	);
	if (check.profilesBelowK || check.itemsBelowK) process.exitCode = 1;
	const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} %`;
	const publishable = first.published + first.suppressed;
	console.log(
		`utility: suppressed ${pct(first.suppressed, publishable)} of publishable; municipality kept for ${pct(docs.filter((d) => d.municipality).length, docs.length)} of published`
	);
	const fields = await db.sql<{ field: string; level: string; n: number }[]>`
		select split_part(g, ':', 1) as field, split_part(g, ':', 2) as level, count(*)::int as n
		from candidates, unnest(generalisation) g where publication = 'published'
		group by 1, 2 order by 1, 2`;
	console.log(
		`generalised per field (field:level share of published): ${fields.map((f) => `${f.field}:${f.level} ${pct(f.n, docs.length)}`).join(', ')}`
	);
	const [items] = await db.sql<
		{ sectors: number; shown: number; experience: number; shownExperience: number }[]
	>`
		select sum(jsonb_array_length(c.profile->'sectors'))::int as sectors,
			sum(jsonb_array_length(p.document->'sectors'))::int as shown,
			sum(jsonb_array_length(c.profile->'experience'))::int as experience,
			sum(jsonb_array_length(p.document->'experience'))::int as "shownExperience"
		from public_profiles p join candidates c on c.id = p.candidate_id`;
	console.log(
		`items hidden: ${pct(items.sectors - items.shown, items.sectors)} of wished sectors, ${pct(items.experience - items.shownExperience, items.experience)} of experience items`
	);
	clearInterval(sampler);
	console.log(
		`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`
	);
} finally {
	await db.close();
	if (admin && benchUrl) {
		await admin.unsafe(`drop database if exists ${new URL(benchUrl).pathname.slice(1)} with (force)`);
		await admin.end();
	}
	rmSync(dir, { recursive: true, force: true });
}
