import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Sql } from '../db/database';
import type { ProfileIndex } from '../profiles/search-index';
import { runImport, type ImportSummary } from '../import/run-import';
import { writeDemoCsv } from './generate-csv';

/**
 * Fills an empty database with demo candidates through the real import path (minimisation, scrubbing,
 * k-anonymity included): writes a temporary demo export and imports it.
 */
export async function loadDemoData(
	sql: Sql,
	options: { profiles: number; seed?: number; index?: ProfileIndex; kAnonymity?: number }
): Promise<ImportSummary> {
	const file = join(tmpdir(), `kv-demo-${randomBytes(6).toString('hex')}.csv`);
	try {
		await writeDemoCsv(file, { profiles: options.profiles, seed: options.seed ?? 42 });
		return await runImport(sql, file, {
			fileName: `demo-${options.profiles}.csv`,
			index: options.index,
			kAnonymity: options.kAnonymity
		});
	} finally {
		rmSync(file, { force: true });
	}
}
