/**
 * `replaceAllFrom`, the start-up and refresh path: the index built from pages as they are read must
 * answer exactly as `replaceAll` over the same documents, searches during the build still see the
 * previous index, and a failed read leaves that index in place.
 */
import { describe, expect, it } from 'vitest';
import type { ProfileDocument } from '../document';
import type { SearchEngine, SearchQuery } from '../engine';
import { randomProfileDocuments } from '../testing/random-documents';
import { createEmbeddedEngine } from './embedded-engine';
import { createWorkerEngine } from './worker-engine';

const documents = randomProfileDocuments(500, 33);
const QUERIES: SearchQuery[] = [
	{ indexUid: 'profiles', q: '', facets: ['sectors', 'region', 'hoursPerWeek'], limit: 30 },
	{ indexUid: 'profiles', q: 'k', limit: 50 },
	{ indexUid: 'profiles', q: 'schoonmaak wil', sort: ['updatedAt:desc'], limit: 20 }
];

async function answers(engine: SearchEngine) {
	const { results } = await engine.multiSearch({ queries: QUERIES });
	return results.map(({ processingTimeMs: _, ...rest }) => rest);
}

async function* pagesOf(list: readonly ProfileDocument[], size: number, fail = false) {
	for (let i = 0; i < list.length; i += size) {
		// Let other work (searches) run between pages, as a database read does.
		await new Promise((resolve) => setTimeout(resolve, 1));
		yield list.slice(i, i + size);
	}
	if (fail) throw new Error('connection lost');
}

const engines: [string, () => SearchEngine & { close?: () => Promise<void> }][] = [
	['embedded engine', () => createEmbeddedEngine({ documents: documents.slice(0, 10) })],
	[
		'embedded engine in worker threads',
		() => createWorkerEngine({ documents: documents.slice(0, 10), threads: 2 })
	]
];

describe.each(engines)('replaceAllFrom on the %s', (_, create) => {
	it('answers as replaceAll over the same documents, serving the old index meanwhile', async () => {
		const engine = create();
		try {
			const before = await answers(engine);
			const building = engine.replaceAllFrom!(pagesOf(documents, 64));
			expect(await answers(engine)).toEqual(before);
			expect(await building).toBe(documents.length);
			expect(await answers(engine)).toEqual(await answers(createEmbeddedEngine({ documents })));
		} finally {
			await engine.close?.();
		}
	});

	it('lets a repeated id replace the earlier document in its place, as replaceAll does', async () => {
		const engine = create();
		try {
			const changed = { ...documents[5], title: 'Zeldzaamwoord' };
			const list = [...documents, changed];
			await engine.replaceAllFrom!(pagesOf(list, 100));
			const reference = createEmbeddedEngine();
			await reference.replaceAll(list);
			expect(await answers(engine)).toEqual(await answers(reference));
			expect(await engine.count()).toBe(documents.length);
		} finally {
			await engine.close?.();
		}
	});

	it('keeps the previous index when reading the pages fails', async () => {
		const engine = create();
		try {
			const before = await answers(engine);
			await expect(engine.replaceAllFrom!(pagesOf(documents, 100, true))).rejects.toThrow('connection lost');
			expect(await answers(engine)).toEqual(before);
			expect(await engine.count()).toBe(10);
		} finally {
			await engine.close?.();
		}
	});
});

describe('readiness of the embedded engine in worker threads', () => {
	it('answers from the main thread instead of queueing behind searches', async () => {
		const engine = createWorkerEngine({ documents, threads: 1 });
		try {
			await engine.count();
			let searched = false;
			const search = engine
				.multiSearch({ queries: Array.from({ length: 20 }, () => QUERIES[0]) })
				.then(() => (searched = true));
			await engine.health();
			expect(searched).toBe(false);
			await search;
		} finally {
			await engine.close();
		}
	});

	it('is not available before the first index is in place', async () => {
		const engine = createWorkerEngine({ threads: 1 });
		try {
			let built = false;
			const building = engine.replaceAllFrom(pagesOf(documents, 100)).then(() => (built = true));
			await engine.health();
			expect(built).toBe(true);
			await building;
		} finally {
			await engine.close();
		}
	});
});
