/**
 * Writes a deterministic demo export: `npm run seed -- --profiles 100000 --seed 42 [--out file.csv]`.
 * Without --out the CSV goes to stdout.
 */
import { parseArgs } from 'node:util';
import { writeDemoCsv } from '../src/lib/server/demo/generate-csv';

const { values } = parseArgs({
	options: {
		profiles: { type: 'string', default: '1000' },
		seed: { type: 'string', default: '42' },
		out: { type: 'string' }
	}
});
const profiles = Number(values.profiles);
const seed = Number(values.seed);
if (!Number.isInteger(profiles) || profiles < 1 || !Number.isInteger(seed)) {
	console.error('Gebruik: npm run seed -- --profiles <aantal> --seed <getal> [--out bestand.csv]');
	process.exit(1);
}
const started = performance.now();
await writeDemoCsv(values.out ?? process.stdout, { profiles, seed });
if (values.out) {
	console.error(
		`${profiles} demokandidaten geschreven naar ${values.out} in ${((performance.now() - started) / 1000).toFixed(1)} s`
	);
}
