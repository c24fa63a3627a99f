import type { ProfileDocument } from '../../../../search/document';

/** The search engine as the importer sees it; the lead wires the real one. */
export interface ProfileIndex {
	upsert(docs: ProfileDocument[]): Promise<void>;
	remove(ids: string[]): Promise<void>;
}
