/**
 * Anonymiser benchmark: `npm run bench:anonymise [-- --profiles 100000 --seed 42 --k 5]`. Generates the
 * demo export, validates it as the importer does and runs the k-anonymity partition in memory (no
 * database), then reports time and the utility kept. The import benchmark measures the same on the
 * stored, published set.
 */
import { amsterdamDay } from '../src/lib/time';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PassThrough } from 'node:stream';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { writeDemoCsv } from '../src/lib/server/demo/generate-csv';
import { openCsv } from '../src/lib/server/import/csv-source';
import { validateRow } from '../src/lib/server/import/validate-row';
import { anonymise } from '../src/lib/server/profiles/anonymise';
import { isComplete, isCounted } from '../src/lib/server/profiles/completeness';
import {
	FIELDS,
	quasiIdentifiersFrom,
	type QuasiIdentifiers
} from '../src/lib/server/profiles/quasi-identifiers';

const { values } = parseArgs({
	options: {
		profiles: { type: 'string', default: '100000' },
		seed: { type: 'string', default: '42' },
		k: { type: 'string', default: '5' },
		file: { type: 'string' }
	}
});
const k = Number(values.k);
const dir = mkdtempSync(join(tmpdir(), 'kv-anon-'));
try {
	let file = values.file;
	if (!file) {
		file = join(dir, 'demo.csv');
		const out = new PassThrough();
		const written = pipeline(out, createWriteStream(file));
		await writeDemoCsv(out, { profiles: Number(values.profiles), seed: Number(values.seed) });
		out.end();
		await written;
	}
	const today = amsterdamDay(new Date());
	const qis: QuasiIdentifiers[] = [];
	const source = await openCsv(file);
	for await (const row of source.rows) {
		const result = validateRow(row.get, { postcodes: new Map() });
		if (!result.ok) continue;
		const r = result.record;
		if (!isCounted(r) || !isComplete(r.profile)) continue;
		qis.push(
			quasiIdentifiersFrom({
				ref: `KV-${String(qis.length).padStart(9, '0')}`,
				municipality: r.municipalityCode,
				region: r.regionCode,
				profile: r.profile,
				sourceUpdatedAt: r.sourceUpdatedAt,
				today
			})
		);
	}
	const cpu = process.cpuUsage();
	const t = performance.now();
	const { published, suppressed } = anonymise(qis, k);
	const wall = (performance.now() - t) / 1000;
	const used = process.cpuUsage(cpu);
	const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} %`;
	console.log(
		`anonymise: ${qis.length} publishable, k = ${k}: ${wall.toFixed(1)} s wall, ${((used.user + used.system) / 1e6).toFixed(1)} s CPU`
	);
	console.log(`suppressed ${suppressed.length} (${pct(suppressed.length, qis.length)})`);
	const decisions = [...published.values()];
	for (const field of FIELDS) {
		const byLevel = new Map<number, number>();
		for (const d of decisions) byLevel.set(d.levels[field], (byLevel.get(d.levels[field]) ?? 0) + 1);
		console.log(
			`  ${field.padEnd(13)} ${[...byLevel]
				.sort((a, b) => a[0] - b[0])
				.map(([level, n]) => `level ${level}: ${pct(n, decisions.length)}`)
				.join(', ')}`
		);
	}
	const sectors = qis.reduce((n, q) => n + q.sectors.length, 0);
	const experience = qis.reduce((n, q) => n + q.experience.length, 0);
	const hiddenS = decisions.reduce((n, d) => n + d.hiddenSectors.length, 0);
	const hiddenE = decisions.reduce((n, d) => n + d.hiddenExperience.length, 0);
	console.log(
		`hidden items: ${pct(hiddenS, sectors)} of wished sectors, ${pct(hiddenE, experience)} of experience`
	);
} finally {
	rmSync(dir, { recursive: true, force: true });
}
