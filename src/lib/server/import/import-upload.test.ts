import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csv, similarRows } from '../../../../tests/fixtures/import/csv-builder';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import type { Database } from '../db/database';
import { importProgress, startUploadImport } from './import-upload';

let db: Database;
beforeAll(async () => {
	db = await createTestDatabase();
});
afterAll(() => db?.close());

function spooled(text: string): string {
	const path = join(mkdtempSync(join(tmpdir(), 'kv-upload-test-')), 'upload.csv');
	writeFileSync(path, text);
	return path;
}

describe('startUploadImport', () => {
	it('publishes by the configured K_ANONYMITY, not a fixed 5', async () => {
		const userId = 'admin-upload';
		await db.sql`insert into users (id, email, name, role) values (${userId}, 'beheer@example.nl', 'Beheer', 'admin')`;
		// Three look-alike candidates: hidden under k = 5, published under k = 3.
		const text = csv(similarRows(3));
		const importId = await startUploadImport(db.sql, spooled(text), {
			fileName: 'upload.csv',
			userId,
			full: false,
			strict: false,
			bytes: text.length,
			kAnonymity: 3
		});
		expect(importProgress(importId)?.summary).toMatchObject({ status: 'finished', published: 3 });
		const [{ n }] = await db.sql<{ n: number }[]>`select count(*)::int as n from public_profiles`;
		expect(n).toBe(3);
	});
});
