import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileDocument } from '../../../../search/document';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import type { Database } from '../db/database';
import { smallestClass } from '../profiles/k-check';
import { listPublicDocuments } from '../profiles/queries';
import { writeDemoCsv } from './generate-csv';
import { loadDemoData } from './load-demo';

let db: Database;
beforeAll(async () => {
	db = await createTestDatabase();
});
afterAll(() => db?.close());

async function demoHash(profiles: number, seed: number): Promise<string> {
	const out = new PassThrough();
	const hash = createHash('sha256');
	out.on('data', (chunk) => hash.update(chunk));
	await writeDemoCsv(out, { profiles, seed });
	return hash.digest('hex');
}

describe('demo data', () => {
	it('is deterministic for a seed', async () => {
		expect(await demoHash(300, 42)).toBe(await demoHash(300, 42));
		expect(await demoHash(300, 42)).not.toBe(await demoHash(300, 43));
	});

	// Importing 20,000 profiles takes well over a minute on a loaded two-core machine: room, not a target.
	it(
		'imports 20,000 candidates across all 35 regions as a k-anonymous published set',
		{ timeout: 300_000 },
		async () => {
			const summary = await loadDemoData(db.sql, { profiles: 20_000, seed: 42 });
			expect(summary).toMatchObject({ status: 'finished', created: 20_000, rejected: 0 });
			const docs: ProfileDocument[] = [];
			for await (const page of listPublicDocuments(db.sql)) docs.push(...page);
			expect(docs).toHaveLength(summary.published);
			expect(smallestClass(docs)).toBeGreaterThanOrEqual(5);
			expect(new Set(docs.map((d) => d.region)).size).toBe(35);
			const [shares] = await db.sql`
			select avg((counted and complete)::int)::float as publishable,
				avg((profile_text_state = 'review')::int)::float as held_back
			from candidates`;
			expect(shares.publishable).toBeGreaterThan(0.65);
			expect(shares.publishable).toBeLessThan(0.85);
			expect(shares.held_back).toBeGreaterThan(0.02);
			expect(summary.published / (shares.publishable * 20_000)).toBeGreaterThan(0.85);
		}
	);
});
