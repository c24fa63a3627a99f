/**
 * Public API of the search module. Production talks to Meilisearch; without a server configured, tests
 * and single-machine setups get the embedded engine, which answers the same requests the same way.
 */
import type { ProfileDocument } from './document';
import type { SearchEngine } from './engine';
import { createEmbeddedEngine } from './embedded/embedded-engine';
import { PROFILE_INDEX, type IndexDefinition } from './index-definition';
import { createMeilisearchEngine } from './meilisearch/meilisearch-engine';

export interface CreateSearchEngineOptions {
	/** From MEILI_URL and MEILI_API_KEY; the caller reads the environment. */
	meili?: { host: string; apiKey: string; indexUid?: string; taskTimeoutMs?: number };
	definition?: IndexDefinition;
	/** Initial documents for the embedded engine. */
	documents?: readonly ProfileDocument[];
}

export function createSearchEngine(options: CreateSearchEngineOptions = {}): SearchEngine {
	const definition = options.definition ?? PROFILE_INDEX;
	if (options.meili) return createMeilisearchEngine({ ...options.meili, definition });
	return createEmbeddedEngine({ definition, documents: options.documents });
}

export * from './engine';
export type { ProfileDocument } from './document';
export { PROFILE_INDEX, SYNONYM_GROUPS, DUTCH_STOP_WORDS, type IndexDefinition } from './index-definition';
export { parseFilter } from './filter/parse';
export type { FilterNode } from './filter/ast';
export { matchesDocument } from './filter/matches-document';
export {
	validateMultiSearch,
	validateSearchQuery,
	validateFacetSearch,
	SEARCH_LIMITS
} from './validate/validate-request';
export { createEmbeddedEngine, EmbeddedSearchEngine, buildEmbeddedIndex } from './embedded/embedded-engine';
export { createMeilisearchEngine, MeilisearchSearchEngine } from './meilisearch/meilisearch-engine';
export { createWorkerEngine, WorkerSearchEngine } from './embedded/worker-engine';
