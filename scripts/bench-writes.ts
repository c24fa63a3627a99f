/**
 * Write benchmark: `npx tsx scripts/bench-writes.ts [--size 100000 --batches 1,100,1000 --runs 3]`.
 *
 * What the index sync does on every LISTEN/NOTIFY batch: `upsert` N profiles (half replacing existing
 * ones with changed content, half new) and `remove` N, on the in-process engine over `--size` synthetic
 * profiles whose one- and two-letter prefixes have been computed (as the search worker does after a
 * build). Reports wall and CPU time of the write itself and of the first one-letter search after it
 * (which pays for any short-prefix answer the write dropped), median of `--runs`, with the load average.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createEmbeddedEngine, type ProfileDocument } from '../search/index';
import { warmShortPrefixes } from '../search/embedded/short-prefix';
import { randomProfileDocuments } from '../search/testing/random-documents';

const { values } = parseArgs({
	options: {
		size: { type: 'string', default: '100000' },
		batches: { type: 'string', default: '1,100,1000' },
		runs: { type: 'string', default: '3' }
	}
});
const size = Number(values.size);
const batches = values.batches.split(',').map(Number);
const runs = Number(values.runs);

function timed<T>(run: () => T): { wallMs: number; cpuMs: number; value: T } {
	const cpu = process.cpuUsage();
	const start = performance.now();
	const value = run();
	const wallMs = performance.now() - start;
	const used = process.cpuUsage(cpu);
	return { wallMs, cpuMs: (used.user + used.system) / 1000, value };
}

async function timedAsync(run: () => Promise<unknown>): Promise<{ wallMs: number; cpuMs: number }> {
	const cpu = process.cpuUsage();
	const start = performance.now();
	await run();
	const wallMs = performance.now() - start;
	const used = process.cpuUsage(cpu);
	return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

const documents = randomProfileDocuments(size, 7);
const build = timed(() => createEmbeddedEngine({ documents }));
const engine = build.value;
console.log(
	`build ${size}: ${fmt(build.cpuMs)} CPU, ${fmt(build.wallMs)} wall (load ${loadavg()[0].toFixed(1)})`
);
const warm = await timedAsync(
	() =>
		new Promise<void>((resolve) => {
			const index = engine.snapshot;
			warmShortPrefixes(
				index,
				() => index,
				(step) => step(),
				1e9
			);
			resolve();
		})
);
console.log(`short prefixes: ${fmt(warm.cpuMs)} CPU`);

const fresh = randomProfileDocuments(Math.max(...batches) * 2 * runs + 10, 99);
let next = 0;
let newId = 0;
const search = () =>
	engine.multiSearch({ queries: [{ indexUid: 'profiles', q: 'k', hitsPerPage: 20, page: 1 }] });

console.log('| write | CPU (median) | wall (median) | first "k" search after, CPU | load |');
console.log('| --- | --- | --- | --- | --- |');
for (const n of batches) {
	for (const kind of ['upsert', 'remove'] as const) {
		const cpu: number[] = [];
		const wall: number[] = [];
		const after: number[] = [];
		const loads: number[] = [];
		for (let run = 0; run < runs; run++) {
			const current = engine.snapshot.documents;
			const step = Math.floor(current.length / n);
			let write: () => Promise<void>;
			if (kind === 'upsert') {
				const batch: ProfileDocument[] = [];
				for (let i = 0; i < n; i++) {
					const doc = fresh[next++ % fresh.length];
					// Half replace a profile spread over the index, half are new.
					const id = i % 2 === 0 ? current[(i * step + run) % current.length].id : `KV-BENCH-${++newId}`;
					batch.push({ ...doc, id });
				}
				write = () => engine.upsert(batch);
			} else {
				const ids = Array.from({ length: n }, (_, i) => current[(i * step + run * 7) % current.length].id);
				write = () => engine.remove(ids);
			}
			loads.push(loadavg()[0]);
			const t = await timedAsync(write);
			cpu.push(t.cpuMs);
			wall.push(t.wallMs);
			after.push((await timedAsync(search)).cpuMs);
		}
		console.log(
			`| ${kind} ${n} | ${fmt(median(cpu))} | ${fmt(median(wall))} | ${fmt(median(after))} | ${median(loads).toFixed(1)} |`
		);
	}
}
console.log(`documents now: ${await engine.count()}`);
