/**
 * The in-process engine: answers the same requests as Meilisearch from an immutable index snapshot that
 * is swapped in by reference on every write, so a search never sees a half-built index. `replaceAll`
 * builds a new index; `upsert` and `remove` derive the next snapshot from the current one, indexing only
 * the documents they change (update-index.ts).
 */
import type { ProfileDocument } from '../document';
import type {
	FacetSearchRequest,
	FacetSearchResponse,
	MultiSearchRequest,
	MultiSearchResponse,
	SearchEngine,
	SearchQuery,
	SettingsSyncReport
} from '../engine';
import { PROFILE_INDEX, type IndexDefinition } from '../index-definition';
import { SearchError } from '../search-error';
import { buildEmbeddedIndex, EmbeddedIndexBuilder, type EmbeddedIndex } from './build-index';
import { executeFacetSearch, executeSearch, executeSearchJson } from './run-search';
import { updateEmbeddedIndex } from './update-index';

const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,511}$/;

export interface EmbeddedEngineOptions {
	definition?: IndexDefinition;
	documents?: readonly ProfileDocument[];
}

export class EmbeddedSearchEngine implements SearchEngine {
	readonly kind = 'embedded' as const;
	readonly definition: IndexDefinition;
	private index: EmbeddedIndex;
	/** Document number by id in `index`; rebuilt on demand after a write that renumbers. */
	private numbers: Map<string, number> | null = null;
	/** A `replaceAllFrom` in progress: pages are indexed as they arrive, searches use `index`. */
	private pending: {
		builder: EmbeddedIndexBuilder;
		ids: Set<string>;
		documents: ProfileDocument[];
		duplicates: boolean;
	} | null = null;

	constructor(options: EmbeddedEngineOptions = {}) {
		this.definition = options.definition ?? PROFILE_INDEX;
		this.index = buildEmbeddedIndex(this.withUniqueIds(new Map(), options.documents ?? []), this.definition);
	}

	/** The current index snapshot, for benchmarks and diagnostics. */
	get snapshot(): EmbeddedIndex {
		return this.index;
	}

	async multiSearch(request: MultiSearchRequest): Promise<MultiSearchResponse> {
		return { results: this.eachQuery(request, executeSearch) };
	}

	/** The text of `JSON.stringify(multiSearch(request))`, written without the response objects. */
	async multiSearchJson(request: MultiSearchRequest): Promise<string> {
		return '{"results":[' + this.eachQuery(request, executeSearchJson).join(',') + ']}';
	}

	private eachQuery<T>(
		request: MultiSearchRequest,
		run: (index: EmbeddedIndex, query: SearchQuery) => T
	): T[] {
		// One snapshot for the whole request: a swap mid-request must not mix two indexes.
		const index = this.index;
		return request.queries.map((query, i) => {
			try {
				return run(index, query);
			} catch (error) {
				throw error instanceof SearchError ? error.withQueryIndex(i) : error;
			}
		});
	}

	async facetSearch(indexUid: string, request: FacetSearchRequest): Promise<FacetSearchResponse> {
		if (indexUid !== this.definition.uid)
			throw new SearchError('index_not_found', `Index \`${indexUid}\` not found.`);
		return executeFacetSearch(this.index, request);
	}

	async replaceAll(documents: readonly ProfileDocument[]): Promise<void> {
		this.swap(this.withUniqueIds(new Map(), documents));
	}

	async replaceAllFrom(pages: AsyncIterable<readonly ProfileDocument[]>): Promise<number> {
		this.beginBuild();
		try {
			for await (const page of pages) this.addToBuild(page);
		} catch (error) {
			this.abortBuild();
			throw error;
		}
		return this.finishBuild();
	}

	/** The steps of `replaceAllFrom`, for the search worker, which receives the pages as messages. */
	beginBuild(): void {
		this.pending = {
			// A rebuild usually holds about as many documents as the index it replaces.
			builder: new EmbeddedIndexBuilder(this.definition, this.index.size),
			ids: new Set(),
			documents: [],
			duplicates: false
		};
	}

	addToBuild(documents: readonly ProfileDocument[]): void {
		const pending = this.pending;
		if (!pending) throw new Error('no index build in progress');
		for (const doc of documents) this.checkedId(doc);
		for (const doc of documents) {
			pending.documents.push(doc);
			if (pending.ids.has(doc.id)) pending.duplicates = true;
			pending.ids.add(doc.id);
		}
		// A repeated id replaces the earlier document in its place: left to a plain build at the end.
		if (!pending.duplicates) pending.builder.add(documents);
	}

	finishBuild(): number {
		const pending = this.pending;
		if (!pending) throw new Error('no index build in progress');
		this.pending = null;
		this.index = pending.duplicates
			? buildEmbeddedIndex(this.withUniqueIds(new Map(), pending.documents), this.definition)
			: pending.builder.finish();
		this.numbers = null;
		return this.index.size;
	}

	abortBuild(): void {
		this.pending = null;
	}

	async upsert(documents: readonly ProfileDocument[]): Promise<void> {
		// Later documents with the same id replace earlier ones but keep the first one's place.
		const batch = new Map<string, ProfileDocument>();
		for (const doc of documents) batch.set(this.checkedId(doc), doc);
		if (batch.size === 0) return;
		const old = this.index;
		const numbers = this.numbersOf(old);
		const next = old.documents.slice();
		const added: string[] = [];
		for (const [id, doc] of batch) {
			const d = numbers.get(id);
			if (d === undefined) {
				added.push(id);
				next.push(doc);
			} else next[d] = doc;
		}
		const fromOld = new Int32Array(next.length);
		for (let d = 0; d < old.size; d++) fromOld[d] = d;
		for (const [id] of batch) {
			const d = numbers.get(id);
			if (d !== undefined) fromOld[d] = -1;
		}
		fromOld.fill(-1, old.size);
		this.apply(old, next, fromOld);
		if (this.numbers === numbers) added.forEach((id, i) => numbers.set(id, old.size + i));
	}

	async remove(ids: readonly string[]): Promise<void> {
		const old = this.index;
		const numbers = this.numbersOf(old);
		const gone = new Set<number>();
		for (const id of ids) {
			const d = numbers.get(id);
			if (d !== undefined) gone.add(d);
		}
		if (gone.size === 0) return;
		const next: ProfileDocument[] = [];
		const fromOld = new Int32Array(old.size - gone.size);
		for (let d = 0; d < old.size; d++) {
			if (gone.has(d)) continue;
			fromOld[next.length] = d;
			next.push(old.documents[d]);
		}
		this.numbers = null;
		this.apply(old, next, fromOld);
	}

	/**
	 * Swaps in the index over `next`, where fromOld says which documents are unchanged from `old`.
	 * When most documents change, a plain build is as cheap as merging and simpler.
	 */
	private apply(old: EmbeddedIndex, next: ProfileDocument[], fromOld: Int32Array): void {
		let dirty = 0;
		for (let d = 0; d < fromOld.length; d++) if (fromOld[d] < 0) dirty++;
		try {
			this.index =
				dirty * 2 > next.length
					? buildEmbeddedIndex(next, this.definition)
					: updateEmbeddedIndex(old, next, fromOld);
		} catch (error) {
			this.numbers = null;
			throw error;
		}
	}

	private numbersOf(index: EmbeddedIndex): Map<string, number> {
		this.numbers ??= new Map(index.documents.map((d, i) => [d.id, i]));
		return this.numbers;
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
		this.numbers = null;
	}

	private checkedId(doc: ProfileDocument): string {
		if (typeof doc.id !== 'string' || !DOCUMENT_ID.test(doc.id)) {
			throw new SearchError(
				'invalid_document_id',
				`Document identifier \`${JSON.stringify(doc.id)}\` is invalid. A document identifier can be of type integer or string, only composed of alphanumeric characters (a-z A-Z 0-9), hyphens (-) and underscores (_), and can not be more than 511 bytes.`
			);
		}
		return doc.id;
	}

	/** Later documents replace earlier ones with the same id but keep their place, as in Meilisearch. */
	private withUniqueIds(
		byId: Map<string, ProfileDocument>,
		documents: readonly ProfileDocument[]
	): ProfileDocument[] {
		for (const doc of documents) byId.set(this.checkedId(doc), doc);
		return [...byId.values()];
	}
}

export function createEmbeddedEngine(options: EmbeddedEngineOptions = {}): EmbeddedSearchEngine {
	return new EmbeddedSearchEngine(options);
}

/** Builds an index over `documents` directly, for benchmarks that time the build itself. */
export { buildEmbeddedIndex } from './build-index';
export { executeSearch, executeFacetSearch } from './run-search';
