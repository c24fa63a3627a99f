import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createEmbeddedEngine } from '../embedded/embedded-engine';
import { createWorkerEngine } from '../embedded/worker-engine';
import { createMeilisearchEngine } from '../meilisearch/meilisearch-engine';
import type { IndexDefinition } from '../index-definition';
import { conformanceSuite } from './conformance-cases';
import { FIXTURE_DOCUMENTS } from './fixture-documents';
import { LIMITED_INDEX, limitedIndexSuite, paritySuite } from './parity-cases';
import { PARITY_DOCUMENTS } from './parity-documents';

conformanceSuite('embedded engine', async () => ({
	engine: createEmbeddedEngine({ documents: FIXTURE_DOCUMENTS }),
	cleanup: async () => {}
}));

// The app runs the embedded engine in worker threads: the same answers must come back through them.
conformanceSuite('embedded engine in worker threads', async () => {
	const engine = createWorkerEngine({ documents: FIXTURE_DOCUMENTS, threads: 2 });
	return { engine, cleanup: () => engine.close() };
});
paritySuite('embedded engine: query semantics', async () => ({
	engine: createEmbeddedEngine({ documents: PARITY_DOCUMENTS }),
	cleanup: async () => {}
}));
limitedIndexSuite('embedded engine: settings-dependent behaviour', async () => ({
	engine: createEmbeddedEngine({ documents: PARITY_DOCUMENTS, definition: LIMITED_INDEX }),
	cleanup: async () => {}
}));

const meiliUrl = process.env.MEILI_URL;

async function meiliEngine(
	prefix: string,
	documents: typeof FIXTURE_DOCUMENTS,
	definition?: IndexDefinition
) {
	const engine = createMeilisearchEngine({
		host: meiliUrl ?? '',
		apiKey: process.env.MEILI_API_KEY ?? '',
		indexUid: `${prefix}_${randomUUID().slice(0, 8)}`,
		definition
	});
	await engine.applySettings();
	await engine.replaceAll(documents);
	return { engine, cleanup: () => engine.dropIndex() };
}

// Runs only against a real server: set MEILI_URL (and MEILI_API_KEY) to prove the embedded engine and
// Meilisearch answer identically. Without a server the block is skipped and says so in the report.
describe.skipIf(!meiliUrl)(meiliUrl ? 'Meilisearch' : 'Meilisearch (skipped: MEILI_URL not set)', () => {
	conformanceSuite(`engine at ${meiliUrl}`, async () => {
		const engine = createMeilisearchEngine({
			host: meiliUrl ?? '',
			apiKey: process.env.MEILI_API_KEY ?? '',
			indexUid: `profiles_conformance_${randomUUID().slice(0, 8)}`
		});
		await engine.applySettings();
		await engine.replaceAll(FIXTURE_DOCUMENTS);
		return { engine, cleanup: () => engine.dropIndex() };
	});
	paritySuite(`query semantics at ${meiliUrl}`, () => meiliEngine('profiles_parity', PARITY_DOCUMENTS));
	limitedIndexSuite(`settings-dependent behaviour at ${meiliUrl}`, () =>
		meiliEngine('profiles_limited', PARITY_DOCUMENTS, LIMITED_INDEX)
	);

	it('reports no drift right after applying the settings', async () => {
		const engine = createMeilisearchEngine({
			host: meiliUrl ?? '',
			apiKey: process.env.MEILI_API_KEY ?? '',
			indexUid: `profiles_settings_${randomUUID().slice(0, 8)}`
		});
		try {
			expect((await engine.applySettings()).changed.length).toBeGreaterThan(0);
			expect((await engine.applySettings()).changed).toEqual([]);
		} finally {
			await engine.dropIndex();
		}
	}, 120_000);
});
