import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEmbeddedEngine } from '$search/embedded/embedded-engine';
import type { SearchEngine } from '$search/engine';
import { randomProfileDocuments } from '$search/testing/random-documents';
import { searchStateFromParams } from '$lib/search-page/search-state';
import type { Queryable } from '../db/database';
import { runPageSearch } from './run-page-search';
import { useSearchEngine } from './search-service';

const now = new Date('2026-11-23T10:00:00Z');
const noDatabase = {} as Queryable;
const documents = randomProfileDocuments(400, 5);
const engine = createEmbeddedEngine({ documents });
/** The same engine seen through `multiSearch` alone, as the Meilisearch adapter is. */
const objectsOnly: SearchEngine = new Proxy(engine, {
	get: (target, property) =>
		property === 'multiSearchJson' ? undefined : Reflect.get(target, property, target)
});

afterEach(() => useSearchEngine(undefined));

describe('runPageSearch', () => {
	it.each([
		'',
		'q=schoon',
		'q=magazijn&pagina=2',
		`sector=${documents[0].sectors[0]}&uren_min=20`,
		'q=k&sortering=recent'
	])('renders the same page from the engine text as from its objects (%s)', async (query) => {
		const state = searchStateFromParams(new URLSearchParams(query));
		useSearchEngine(engine);
		const asText = vi.spyOn(engine, 'multiSearchJson');
		const fromText = await runPageSearch(noDatabase, state, now);
		expect(asText).toHaveBeenCalledOnce();
		asText.mockRestore();
		useSearchEngine(objectsOnly);
		const fromObjects = await runPageSearch(noDatabase, state, now);
		expect(fromText).toEqual(fromObjects);
		expect(fromText.view.totalHits).toBeGreaterThan(0);
	});
});
