import type { TransactionSql } from 'postgres';
import { amsterdamDay } from '../../time';
import type { Sql } from '../db/database';
import { log } from '../log';
import { anonymise, type Publication } from './anonymise';
import type { CandidateProfile, ProfileTextState } from './candidate-record';
import { writeDocuments } from './write-documents';
import {
	FIELDS,
	generalisationsOf,
	quasiIdentifiersFrom,
	vectorKey,
	type QuasiIdentifiers
} from './quasi-identifiers';
import type { ProfileIndex } from './search-index';

export const DEFAULT_K = 5;
const PUBLISH_LOCK = 4_242_100;
const CHUNK = 2000;

export interface PublishOptions {
	k?: number;
	index?: ProfileIndex;
	now?: Date;
}

export interface PublishResult {
	published: number;
	/** Refs whose document is new or changed. */
	upserted: string[];
	/** Refs no longer published. */
	removed: string[];
	suppressed: number;
	/** How many published candidates have each field coarser than its finest published precision. */
	generalised: Record<string, number>;
	/** How many published candidates have at least one wished sector or experience item hidden. */
	itemsHidden: number;
}

/**
 * Recomputes THE published set from all publishable candidates (k-anonymity is a property of the whole
 * set, so it cannot be decided per row), writes only the changed rows of `public_profiles` in one
 * transaction, and then mirrors the difference into the search index.
 */
export async function refreshPublicProfiles(sql: Sql, options: PublishOptions = {}): Promise<PublishResult> {
	const k = options.k ?? DEFAULT_K;
	const now = options.now ?? new Date();
	const result = await sql.begin(async (tx) => {
		await tx`select pg_advisory_xact_lock(${PUBLISH_LOCK})`;
		const rows = await tx<QiRow[]>`
			select id, public_ref, municipality_code, region_code, content_hash,
				profile_text_state, publication, generalisation, profile,
				source_updated_at::text as source_updated_at
			from candidates where counted and complete and not withdrawn`;
		const today = amsterdamDay(now);
		const qis: QuasiIdentifiers[] = rows.map((r) =>
			quasiIdentifiersFrom({
				ref: r.public_ref,
				municipality: r.municipality_code,
				region: r.region_code,
				profile: r.profile,
				sourceUpdatedAt: r.source_updated_at,
				today
			})
		);
		const { published, suppressed } = anonymise(qis, k);
		assertKAnonymous(qis, published, k);

		const existing = new Map<string, string>();
		for (const row of await tx<{ public_ref: string; source_key: string }[]>`
			select public_ref, source_key from public_profiles`) {
			existing.set(row.public_ref, row.source_key);
		}
		const stale: { row: QiRow; publication: Publication; key: string }[] = [];
		const generalised: Record<string, number> = Object.fromEntries(FIELDS.map((f) => [f, 0]));
		let itemsHidden = 0;
		const states: { id: number; publication: string; generalisation: string[] }[] = [];
		rows.forEach((row, i) => {
			const decision = published.get(row.public_ref);
			const applied = decision === undefined ? [] : generalisationsOf(decision.levels);
			if (decision) {
				for (const f of FIELDS) if (decision.levels[f] > 0) generalised[f]++;
				if (decision.hiddenSectors.length || decision.hiddenExperience.length) itemsHidden++;
			}
			const publication = decision === undefined ? 'suppressed' : 'published';
			if (publication !== row.publication || applied.join() !== row.generalisation.join()) {
				states.push({ id: Number(row.id), publication, generalisation: applied });
			}
			if (decision === undefined) return;
			// The published vector itself (availability moves with the calendar), the hidden items and the text.
			const key = [
				row.content_hash,
				vectorKey(qis[i], decision.levels),
				decision.hiddenSectors.join(','),
				decision.hiddenExperience.join(','),
				row.profile_text_state
			].join(':');
			if (existing.get(row.public_ref) !== key) stale.push({ row, publication: decision, key });
		});

		const upserted: string[] = [];
		for (let i = 0; i < stale.length; i += CHUNK) {
			upserted.push(...(await writeDocuments(tx, stale.slice(i, i + CHUNK), now)));
		}
		const removed = [...existing.keys()].filter((ref) => !published.has(ref));
		for (let i = 0; i < removed.length; i += CHUNK) {
			await tx`delete from public_profiles where public_ref = any(${removed.slice(i, i + CHUNK)})`;
		}
		await writeStates(tx, states);
		await tx`
			update candidates set published = false, publication = 'not_eligible', generalisation = '{}'
			where not (counted and complete and not withdrawn) and (published or publication <> 'not_eligible')`;
		return {
			published: published.size,
			upserted,
			removed,
			suppressed: suppressed.length,
			generalised,
			itemsHidden
		};
	});
	if (options.index) await mirrorToIndex(sql, options.index, result.upserted, result.removed);
	log.info(
		{
			published: result.published,
			upserted: result.upserted.length,
			removed: result.removed.length,
			suppressed: result.suppressed,
			generalised: result.generalised,
			itemsHidden: result.itemsHidden,
			k
		},
		'public profiles refreshed'
	);
	return result;
}

export interface QiRow {
	id: string;
	public_ref: string;
	municipality_code: string;
	region_code: string;
	content_hash: string;
	profile_text_state: ProfileTextState;
	publication: string;
	generalisation: string[];
	profile: CandidateProfile;
	source_updated_at: string;
}

async function writeStates(
	tx: TransactionSql,
	states: { id: number; publication: string; generalisation: string[] }[]
): Promise<void> {
	for (let i = 0; i < states.length; i += 5000) {
		await tx`
			update candidates c set publication = x.publication, published = x.publication = 'published',
				generalisation = x.generalisation
			from jsonb_to_recordset(${tx.json(states.slice(i, i + 5000) as never)})
				as x(id bigint, publication text, generalisation text[])
			where c.id = x.id`;
	}
}

/**
 * A guard, not the mechanism: refuses to publish a set that breaks k-anonymity, over the whole vector of
 * single-valued fields and over every shown sector or experience item with location and education.
 */
function assertKAnonymous(qis: QuasiIdentifiers[], published: Map<string, Publication>, k: number): void {
	const sizes = new Map<string, number>();
	const keys: string[] = [];
	const add = (key: string) => {
		keys.push(key);
		sizes.set(key, (sizes.get(key) ?? 0) + 1);
	};
	for (const qi of qis) {
		const decision = published.get(qi.ref);
		if (decision === undefined) continue;
		add(vectorKey(qi, decision.levels));
		// FIELDS starts with location and education.
		const place = vectorKey(qi, decision.levels).split('|').slice(0, 2).join('|');
		for (const s of new Set(qi.sectors)) if (!decision.hiddenSectors.includes(s)) add(`${place}|s|${s}`);
		for (const e of new Set(qi.experience))
			if (!decision.hiddenExperience.includes(e)) add(`${place}|e|${e}`);
	}
	for (const key of keys) {
		if (sizes.get(key)! < k) throw new Error('k-anonymity check failed: refusing to publish');
	}
}

async function mirrorToIndex(sql: Sql, index: ProfileIndex, upserted: string[], removed: string[]) {
	for (let i = 0; i < upserted.length; i += CHUNK) {
		const rows = await sql<{ document: import('../../../../search/document').ProfileDocument }[]>`
			select document from public_profiles where public_ref = any(${upserted.slice(i, i + CHUNK)})`;
		await index.upsert(rows.map((row) => row.document));
	}
	for (let i = 0; i < removed.length; i += CHUNK) await index.remove(removed.slice(i, i + CHUNK));
}
