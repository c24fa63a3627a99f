import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

describe('npm run import while the app holds the embedded database', () => {
	const dataDir = mkdtempSync(join(tmpdir(), 'kv-import-lock-'));
	// A live process stands in for the running app: its pid is in the lock file the app writes.
	const app = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)']);
	afterAll(() => {
		app.kill();
		rmSync(dataDir, { recursive: true, force: true });
	});

	it('says in plain English what to do instead, without a stack trace', () => {
		mkdirSync(join(dataDir, 'pglite'), { recursive: true });
		writeFileSync(join(dataDir, 'pglite.pid'), String(app.pid));
		writeFileSync(join(dataDir, 'export.csv'), 'klantnummer\n');
		const run = spawnSync(
			process.execPath,
			['--import', 'tsx', 'scripts/import.ts', join(dataDir, 'export.csv')],
			{
				cwd: ROOT,
				env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
				encoding: 'utf8'
			}
		);
		expect(run.status).toBe(1);
		expect(run.stderr).toContain(`The app (process ${app.pid}) is running on the embedded database`);
		expect(run.stderr).toContain('/beheer/import');
		expect(run.stderr).toContain('stop the app');
		expect(run.stderr).not.toMatch(/\n\s+at /);
	});
});
