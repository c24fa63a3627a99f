/**
 * Imports a candidate export: `npm run import -- <file.csv> [--full] [--strict] [--organisation UWV]`.
 * Exit code 0 = imported (rows may have been rejected), 1 = file refused, 2 = refused in strict mode.
 */
import { parseArgs } from 'node:util';
import { DatabaseInUseError, openDatabase } from '../src/lib/server/db/database';
import { migrate } from '../src/lib/server/db/migrate';
import { runImport, type ImportProgress } from '../src/lib/server/import/run-import';
import { formatSummary } from '../src/lib/server/import/format-summary';
import { parseConfig } from '../src/lib/server/config';
import { createConfiguredEngine } from '../src/lib/server/search-service/search-service';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		full: { type: 'boolean', default: false },
		strict: { type: 'boolean', default: false },
		organisation: { type: 'string' },
		k: { type: 'string' }
	}
});
if (positionals.length !== 1) {
	console.error('Gebruik: npm run import -- <bestand.csv> [--full] [--strict] [--organisation UWV|GMxxxx]');
	process.exit(1);
}

const tty = process.stderr.isTTY;
let lastDraw = 0;
function showProgress(p: ImportProgress) {
	const now = Date.now();
	if (!tty || now - lastDraw < 200) return;
	lastDraw = now;
	const percent = p.fraction === null ? '' : ` ${(p.fraction * 100).toFixed(0).padStart(3)}%`;
	process.stderr.write(`\r${p.phase}:${percent} ${p.rowsRead.toLocaleString('nl-NL')} rijen gelezen   `);
}

const config = parseConfig();
const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }).catch(
	(error: unknown) => {
		if (!(error instanceof DatabaseInUseError)) throw error;
		// The embedded database belongs to one process at a time: the running app has it.
		console.error(
			`The app (process ${error.pid}) is running on the embedded database in ${config.DATA_DIR}, so this ` +
				'command cannot open it.\nEither upload the export on the admin page /beheer/import of the running ' +
				'app, or stop the app and run `npm run import` again.'
		);
		process.exit(1);
	}
);
// Meilisearch is updated in the same run; an embedded index lives in the app process, which rebuilds it
// when it sees the published set change.
const engine = config.MEILI_URL ? createConfiguredEngine(config) : null;
let exitCode = 0;
try {
	await migrate(db.sql);
	const summary = await runImport(db.sql, positionals[0], {
		full: values.full,
		strict: values.strict,
		organisation: values.organisation,
		kAnonymity: values.k ? Number(values.k) : config.K_ANONYMITY,
		onProgress: showProgress,
		index: engine ? { upsert: (docs) => engine.upsert(docs), remove: (ids) => engine.remove(ids) } : undefined
	});
	if (tty) process.stderr.write('\r\x1b[K');
	console.log(formatSummary(summary));
	if (summary.status === 'refused') exitCode = summary.refusal === 'row' ? 2 : 1;
} catch (error) {
	console.error(`Import mislukt: ${error instanceof Error ? error.message : String(error)}`);
	exitCode = 1;
} finally {
	await db.close();
}
process.exit(exitCode);
