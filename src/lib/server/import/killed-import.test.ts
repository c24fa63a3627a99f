import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import type { Database } from '../db/database';
import { writeDemoCsv } from '../demo/generate-csv';
import { runImport } from './run-import';

let db: Database;
let url: string;
beforeAll(async () => {
	db = await createTestDatabase();
	const options = db.sql.options as unknown as {
		host: string[];
		port: number[];
		user: string;
		database: string;
		pass?: string | null;
	};
	const auth = options.pass ? `${options.user}:${options.pass}` : options.user;
	url = `postgres://${auth}@${options.host[0]}:${options.port[0]}/${options.database}`;
	// The embedded database takes one connection; hand it to the child process.
	if (db.embedded) await db.sql.end();
});
afterAll(() => db?.close());

const ROWS = 8000;

/** Runs the child import and kills it with SIGKILL once `killAfter` rows are committed. */
function importAndKill(file: string, killAfter: number): Promise<number> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			['--import', 'tsx', 'tests/fixtures/import/import-child.ts', file],
			{
				env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' },
				stdio: ['ignore', 'pipe', 'pipe']
			}
		);
		let committed = 0;
		let stderr = '';
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.stdout.on('data', (chunk: Buffer) => {
			for (const line of chunk.toString().split('\n')) {
				const m = /^importeren (\d+)$/.exec(line);
				if (m) committed = Number(m[1]);
			}
			if (committed >= killAfter) child.kill('SIGKILL');
		});
		child.on('exit', (code, signal) =>
			signal === 'SIGKILL' ? resolve(committed) : reject(new Error(`child ended with ${code}: ${stderr}`))
		);
	});
}

describe('an import killed half-way', () => {
	// Two 8,000-row imports on a shared two-core machine: the default minute is too tight under load.
	it(
		'leaves whole batches only, shows as interrupted, and a re-run finishes the job',
		{ timeout: 300_000 },
		async () => {
			const file = join(mkdtempSync(join(tmpdir(), 'kv-kill-')), 'big.csv');
			await writeDemoCsv(file, { profiles: ROWS, seed: 7 });
			const committed = await importAndKill(file, 2000);
			expect(committed).toBeGreaterThanOrEqual(2000);
			expect(committed).toBeLessThan(ROWS);

			const sql = postgres(url, { max: 1, onnotice: () => {} });
			try {
				const [state] = await sql`
				select (select count(*)::int from candidates) as candidates,
					(select count(*)::int from candidate_source_ids) as sources,
					(select count(*)::int from candidates c where not exists (
						select 1 from candidate_source_ids s where s.candidate_id = c.id)) as orphans,
					(select count(*)::int from public_profiles) as published`;
				const [run] =
					await sql`select status, rows_read, rows_new, rows_rejected from imports order by id desc limit 1`;
				expect(run.status).toBe('running');
				expect(state.orphans).toBe(0);
				expect(state.sources).toBe(state.candidates);
				expect(state.candidates).toBe(run.rows_new);
				expect(run.rows_read % 500).toBe(0);
				expect(state.published).toBe(0);

				const summary = await runImport(sql, file, { batchSize: 500 });
				expect(summary.status).toBe('finished');
				expect(summary.created + summary.unchanged + summary.rejected).toBe(ROWS);
				expect(summary.unchanged).toBe(state.candidates);
				const [after] = await sql`
				select (select count(*)::int from candidates) as candidates,
					(select count(*)::int from candidate_source_ids) as sources,
					(select status from imports where id = ${summary.importId - 1}) as killed`;
				expect(after).toEqual({
					candidates: ROWS - summary.rejected,
					sources: ROWS - summary.rejected,
					killed: 'interrupted'
				});
			} finally {
				await sql.end();
			}
		}
	);
});
