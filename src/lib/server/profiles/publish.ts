import type { TransactionSql } from 'postgres';
import type { Sql } from '../db/database';
import { log } from '../log';
import { anonymise } from './anonymise';
import type { ProfileTextState } from './candidate-record';
import { travelStep } from './geography';
import { writeDocuments } from './write-documents';
import {
	GENERALISATIONS,
	generalisationsAt,
	MAX_LEVEL,
	publishedQi,
	qiKey,
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
	/** How many published candidates carry each generalisation. */
	generalised: Record<string, number>;
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
				profile_text_state, publication, generalisation,
				coalesce(profile->>'education', 'onbekend') as education,
				profile->'licences' as licences, (profile->>'travelKm')::int as travel_km
			from candidates where counted and complete and not withdrawn`;
		const qis: QuasiIdentifiers[] = rows.map((r) => ({
			ref: r.public_ref,
			municipality: r.municipality_code,
			region: r.region_code,
			education: r.education,
			licences: [...(r.licences as string[])].sort(),
			travelKm: travelStep(r.travel_km)
		}));
		const { levels, suppressed } = anonymise(qis, k);
		assertKAnonymous(qis, levels, k);

		const existing = new Map<string, string>();
		for (const row of await tx<{ public_ref: string; source_key: string }[]>`
			select public_ref, source_key from public_profiles`) {
			existing.set(row.public_ref, row.source_key);
		}
		const stale: { row: QiRow; level: number; key: string }[] = [];
		const generalised: Record<string, number> = Object.fromEntries(GENERALISATIONS.map((g) => [g, 0]));
		const states: { id: number; publication: string; generalisation: string[] }[] = [];
		for (const row of rows) {
			const level = levels.get(row.public_ref);
			const applied = level === undefined ? [] : generalisationsAt(level);
			for (const g of applied) generalised[g]++;
			const publication = level === undefined ? 'suppressed' : 'published';
			if (publication !== row.publication || applied.join() !== row.generalisation.join()) {
				states.push({ id: Number(row.id), publication, generalisation: applied });
			}
			if (level === undefined) continue;
			const key = `${row.content_hash}:${level}:${row.profile_text_state}`;
			if (existing.get(row.public_ref) !== key) stale.push({ row, level, key });
		}

		const upserted: string[] = [];
		for (let i = 0; i < stale.length; i += CHUNK) {
			upserted.push(...(await writeDocuments(tx, stale.slice(i, i + CHUNK), now)));
		}
		const removed = [...existing.keys()].filter((ref) => !levels.has(ref));
		for (let i = 0; i < removed.length; i += CHUNK) {
			await tx`delete from public_profiles where public_ref = any(${removed.slice(i, i + CHUNK)})`;
		}
		await writeStates(tx, states);
		await tx`
			update candidates set published = false, publication = 'not_eligible', generalisation = '{}'
			where not (counted and complete and not withdrawn) and (published or publication <> 'not_eligible')`;
		return { published: levels.size, upserted, removed, suppressed: suppressed.length, generalised };
	});
	if (options.index) await mirrorToIndex(sql, options.index, result.upserted, result.removed);
	log.info(
		{
			published: result.published,
			upserted: result.upserted.length,
			removed: result.removed.length,
			suppressed: result.suppressed,
			generalised: result.generalised,
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
	education: string;
	licences: unknown;
	travel_km: number | null;
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

/** A guard, not the mechanism: refuses to publish a set that breaks k-anonymity, whatever the cause. */
function assertKAnonymous(qis: QuasiIdentifiers[], levels: Map<string, number>, k: number): void {
	const sizes = new Map<string, number>();
	const keys: string[] = [];
	for (const qi of qis) {
		const level = levels.get(qi.ref);
		if (level === undefined) continue;
		if (level > MAX_LEVEL) throw new Error('invalid generalisation level');
		const key = qiKey(publishedQi(qi, level));
		keys.push(key);
		sizes.set(key, (sizes.get(key) ?? 0) + 1);
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
