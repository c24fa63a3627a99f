/**
 * The in-process engine: answers the same requests as Meilisearch from an immutable index that is
 * rebuilt aside and swapped in by reference on every write, so a search never sees a half-built index.
 * Writes rebuild the whole index (about a second per 100k documents): fine for imports and tests.
 */
import type { ProfileDocument } from '../document';
import type {
	FacetSearchRequest,
	FacetSearchResponse,
	MultiSearchRequest,
	MultiSearchResponse,
	SearchEngine,
	SettingsSyncReport
} from '../engine';
import { PROFILE_INDEX, type IndexDefinition } from '../index-definition';
import { SearchError } from '../search-error';
import { buildEmbeddedIndex, type EmbeddedIndex } from './build-index';
import { executeFacetSearch, executeSearch } from './run-search';

const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,511}$/;

export interface EmbeddedEngineOptions {
	definition?: IndexDefinition;
	documents?: readonly ProfileDocument[];
}

export class EmbeddedSearchEngine implements SearchEngine {
	readonly kind = 'embedded' as const;
	readonly definition: IndexDefinition;
	private index: EmbeddedIndex;

	constructor(options: EmbeddedEngineOptions = {}) {
		this.definition = options.definition ?? PROFILE_INDEX;
		this.index = buildEmbeddedIndex(this.withUniqueIds(new Map(), options.documents ?? []), this.definition);
	}

	/** The current index snapshot, for benchmarks and diagnostics. */
	get snapshot(): EmbeddedIndex {
		return this.index;
	}

	async multiSearch(request: MultiSearchRequest): Promise<MultiSearchResponse> {
		// One snapshot for the whole request: a swap mid-request must not mix two indexes.
		const index = this.index;
		const results = request.queries.map((query, i) => {
			try {
				return executeSearch(index, query);
			} catch (error) {
				throw error instanceof SearchError ? error.withQueryIndex(i) : error;
			}
		});
		return { results };
	}

	async multiSearchJson(request: MultiSearchRequest): Promise<string> {
		return JSON.stringify(await this.multiSearch(request));
	}

	async facetSearch(indexUid: string, request: FacetSearchRequest): Promise<FacetSearchResponse> {
		if (indexUid !== this.definition.uid)
			throw new SearchError('index_not_found', `Index \`${indexUid}\` not found.`);
		return executeFacetSearch(this.index, request);
	}

	async replaceAll(documents: readonly ProfileDocument[]): Promise<void> {
		this.swap(this.withUniqueIds(new Map(), documents));
	}

	async upsert(documents: readonly ProfileDocument[]): Promise<void> {
		this.swap(this.withUniqueIds(this.currentById(), documents));
	}

	async remove(ids: readonly string[]): Promise<void> {
		const byId = this.currentById();
		for (const id of ids) byId.delete(id);
		this.swap([...byId.values()]);
	}

	async count(): Promise<number> {
		return this.index.size;
	}

	async health(): Promise<{ status: 'available' }> {
		return { status: 'available' };
	}

	async applySettings(): Promise<SettingsSyncReport> {
		// The embedded index is always built from the definition itself: nothing can drift.
		return { changed: [] };
	}

	private swap(documents: readonly ProfileDocument[]): void {
		this.index = buildEmbeddedIndex(documents, this.definition);
	}

	private currentById(): Map<string, ProfileDocument> {
		return new Map(this.index.documents.map((d) => [d.id, d]));
	}

	/** Later documents replace earlier ones with the same id but keep their place, as in Meilisearch. */
	private withUniqueIds(
		byId: Map<string, ProfileDocument>,
		documents: readonly ProfileDocument[]
	): ProfileDocument[] {
		for (const doc of documents) {
			if (typeof doc.id !== 'string' || !DOCUMENT_ID.test(doc.id)) {
				throw new SearchError(
					'invalid_document_id',
					`Document identifier \`${JSON.stringify(doc.id)}\` is invalid. A document identifier can be of type integer or string, only composed of alphanumeric characters (a-z A-Z 0-9), hyphens (-) and underscores (_), and can not be more than 511 bytes.`
				);
			}
			byId.set(doc.id, doc);
		}
		return [...byId.values()];
	}
}

export function createEmbeddedEngine(options: EmbeddedEngineOptions = {}): EmbeddedSearchEngine {
	return new EmbeddedSearchEngine(options);
}

/** Builds an index over `documents` directly, for benchmarks that time the build itself. */
export { buildEmbeddedIndex } from './build-index';
export { executeSearch, executeFacetSearch } from './run-search';
