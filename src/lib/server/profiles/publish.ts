import type { TransactionSql } from 'postgres';
import type { ProfileDocument } from '../../../../search/document';
import type { Queryable, Sql } from '../db/database';
import { log } from '../log';
import { anonymiseSteps, type Publication } from './anonymise';
import type { CandidateProfile, ProfileTextState } from './candidate-record';
import { runCooperatively, type Steps } from './cooperative';
import {
	currentInputs,
	inputsDigest,
	recordedInputs,
	recordInputs,
	staleness,
	type PublicationInputs
} from './publication-state';
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
// Rows per query: postgres.js hands over a result in one piece, so a page of 2,000 candidates was a
// 50-90 ms pause of the web thread, one of 500 is about 20 ms (and the whole read no slower).
const CHUNK = 500;
const READ_PAGE = 500;
const KEY_PAGE = 2000;
const INDEX_BATCH = 2000;
// Candidates handled between two points where the computation may pause (a few milliseconds).
const PAUSE_EVERY = 500;

export interface PublishOptions {
	k?: number;
	index?: ProfileIndex;
	now?: Date;
	/**
	 * Only for refreshPublicProfilesIfStale: false trusts the candidates on the day of the last refresh
	 * and checks only k, the rules and the day, without the digest's pass over the candidates (on
	 * embedded PGlite that pass runs on the web thread). Every writer of candidates refreshes after
	 * writing; a start checks the digest, for a refresh that never ran.
	 */
	checkCandidates?: boolean;
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
 * transaction, and then mirrors the difference into the search index. The computation runs on the web
 * thread in slices (cooperative.ts), so the service keeps answering while an instance refreshes. What it
 * was computed from is recorded in the same transaction (publication-state.ts).
 */
export async function refreshPublicProfiles(sql: Sql, options: PublishOptions = {}): Promise<PublishResult> {
	return (await refresh(sql, options, false))!;
}

/**
 * The same, unless the published set is current: nothing it is computed from (candidates, k, day, rules)
 * changed since the last completed refresh. Undefined when it skipped.
 */
export async function refreshPublicProfilesIfStale(
	sql: Sql,
	options: PublishOptions = {}
): Promise<PublishResult | undefined> {
	return refresh(sql, options, true);
}

async function refresh(
	sql: Sql,
	options: PublishOptions,
	onlyIfStale: boolean
): Promise<PublishResult | undefined> {
	const k = options.k ?? DEFAULT_K;
	const now = options.now ?? new Date();
	let result: PublishResult | 'current' | 'changed';
	if (!onlyIfStale) {
		result = await sql.begin(async (tx) => {
			await tx`select pg_advisory_xact_lock(${PUBLISH_LOCK})`;
			// Before the candidates are read: a write that commits in between makes the next check refresh
			// again, never skip a change.
			const inputs = await currentInputs(tx, k, now);
			const plan = await runCooperatively(planRefresh(await readPublishable(tx, inputs.day), k));
			return writePlan(tx, plan, inputs, now);
		});
	} else {
		// Read and computed outside a transaction, which would hold embedded PGlite's one connection (and
		// so every request that needs the database) for seconds; written only if no candidate changed.
		const recorded = await recordedInputs(sql);
		const trusted = options.checkCandidates === false ? recorded?.inputsDigest : undefined;
		let inputs = await currentInputs(sql, k, now, trusted);
		if (staleness(recorded, inputs) === 'current') result = 'current';
		else {
			// Recomputed from the candidates as they are now, read after their digest.
			if (trusted !== undefined) inputs = { ...inputs, inputsDigest: await inputsDigest(sql) };
			const plan = await runCooperatively(planRefresh(await readPublishable(sql, inputs.day), k));
			result = await sql.begin(async (tx) => {
				await tx`select pg_advisory_xact_lock(${PUBLISH_LOCK})`;
				// Another instance may have refreshed meanwhile.
				if (staleness(await recordedInputs(tx), inputs) === 'current') return 'current';
				if ((await inputsDigest(tx)) !== inputs.inputsDigest) return 'changed';
				return writePlan(tx, plan, inputs, now);
			});
		}
	}
	if (result === 'changed') {
		log.info({ k }, 'candidates changed while the published set was recomputed; the next run recomputes it');
		return undefined;
	}
	if (result === 'current') {
		log.debug({ k }, 'published set current: refresh skipped');
		return undefined;
	}
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

/** Writes what changed against the stored set, and what the set was computed from. */
async function writePlan(
	tx: TransactionSql,
	plan: RefreshPlan,
	inputs: PublicationInputs,
	now: Date
): Promise<PublishResult> {
	const existing = new Map<string, string>();
	for (let after = ''; ;) {
		const page = await tx<{ public_ref: string; source_key: string }[]>`
			select public_ref, source_key from public_profiles where public_ref > ${after}
			order by public_ref limit ${KEY_PAGE}`;
		for (const row of page) existing.set(row.public_ref, row.source_key);
		if (page.length < KEY_PAGE) break;
		after = page[page.length - 1].public_ref;
	}
	const stale = plan.documents.filter((d) => existing.get(d.row.public_ref) !== d.key);
	const upserted: string[] = [];
	for (let i = 0; i < stale.length; i += CHUNK) {
		upserted.push(...(await writeDocuments(tx, stale.slice(i, i + CHUNK), now)));
	}
	const removed = [...existing.keys()].filter((ref) => !plan.published.has(ref));
	for (let i = 0; i < removed.length; i += CHUNK) {
		await tx`delete from public_profiles where public_ref = any(${removed.slice(i, i + CHUNK)})`;
	}
	await writeStates(tx, plan.states);
	await tx`
		update candidates set published = false, publication = 'not_eligible', generalisation = '{}'
		where not (counted and complete and not withdrawn) and (published or publication <> 'not_eligible')`;
	await recordInputs(tx, inputs, now);
	return {
		published: plan.published.size,
		upserted,
		removed,
		suppressed: plan.suppressed,
		generalised: plan.generalised,
		itemsHidden: plan.itemsHidden
	};
}

/** The publishable candidates and their quasi-identifiers on `today`. */
interface Publishable {
	rows: QiRow[];
	/** In the order of `rows`. */
	qis: QuasiIdentifiers[];
}

/**
 * In pages: no query may take long on the web thread (embedded PGlite runs each one there). Each page's
 * profiles become quasi-identifiers at once and are then dropped, so they die young instead of being
 * carried through the whole refresh (in a 100k refresh the old generation's collections paused it).
 */
async function readPublishable(sql: Queryable, today: string): Promise<Publishable> {
	const rows: QiRow[] = [];
	const qis: QuasiIdentifiers[] = [];
	let after = 0;
	for (;;) {
		const page = await sql<(QiRow & CandidateColumns)[]>`
			select id, public_ref, municipality_code, region_code, content_hash,
				profile_text_state, publication, generalisation, profile,
				source_updated_at::text as source_updated_at
			from candidates where counted and complete and not withdrawn and id > ${after}
			order by id limit ${READ_PAGE}`;
		for (const r of page) {
			const { id, public_ref, content_hash, profile_text_state, publication, generalisation } = r;
			rows.push({ id, public_ref, content_hash, profile_text_state, publication, generalisation });
			qis.push(
				quasiIdentifiersFrom({
					ref: r.public_ref,
					municipality: r.municipality_code,
					region: r.region_code,
					profile: r.profile,
					sourceUpdatedAt: r.source_updated_at,
					today
				})
			);
		}
		if (page.length < READ_PAGE) return { rows, qis };
		after = Number(page[page.length - 1].id);
	}
}

interface RefreshPlan {
	published: Map<string, Publication>;
	suppressed: number;
	/** Every published candidate, with what its document is built from (`source_key`). */
	documents: { row: QiRow; publication: Publication; key: string }[];
	/** Candidates whose publication state changes. */
	states: { id: number; publication: string; generalisation: string[] }[];
	generalised: Record<string, number>;
	itemsHidden: number;
}

/** The pure part of a refresh, in steps that may pause (cooperative.ts). */
function* planRefresh({ rows, qis }: Publishable, k: number): Steps<RefreshPlan> {
	const { published, suppressed } = yield* anonymiseSteps(qis, k);
	yield* assertKAnonymous(qis, published, k);

	const documents: RefreshPlan['documents'] = [];
	const generalised: Record<string, number> = Object.fromEntries(FIELDS.map((f) => [f, 0]));
	let itemsHidden = 0;
	const states: RefreshPlan['states'] = [];
	for (let i = 0; i < rows.length; i++) {
		if (i % PAUSE_EVERY === 0) yield;
		const row = rows[i];
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
		if (decision === undefined) continue;
		// The published vector itself (availability moves with the calendar), the hidden items and the text.
		const key = [
			row.content_hash,
			vectorKey(qis[i], decision.levels),
			decision.hiddenSectors.join(','),
			decision.hiddenExperience.join(','),
			row.profile_text_state
		].join(':');
		documents.push({ row, publication: decision, key });
	}
	return { published, suppressed: suppressed.length, documents, states, generalised, itemsHidden };
}

/** What a refresh keeps of a publishable candidate. */
export interface QiRow {
	id: string;
	public_ref: string;
	content_hash: string;
	profile_text_state: ProfileTextState;
	publication: string;
	generalisation: string[];
}

/** Read only to compute the quasi-identifiers. */
interface CandidateColumns {
	municipality_code: string;
	region_code: string;
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
function* assertKAnonymous(
	qis: QuasiIdentifiers[],
	published: Map<string, Publication>,
	k: number
): Steps<void> {
	const sizes = new Map<string, number>();
	const keys: string[] = [];
	const add = (key: string) => {
		keys.push(key);
		sizes.set(key, (sizes.get(key) ?? 0) + 1);
	};
	for (let i = 0; i < qis.length; i++) {
		if (i % PAUSE_EVERY === 0) yield;
		const qi = qis[i];
		const decision = published.get(qi.ref);
		if (decision === undefined) continue;
		add(vectorKey(qi, decision.levels));
		// FIELDS starts with location and education.
		const place = vectorKey(qi, decision.levels).split('|').slice(0, 2).join('|');
		for (const s of new Set(qi.sectors)) if (!decision.hiddenSectors.includes(s)) add(`${place}|s|${s}`);
		for (const e of new Set(qi.experience))
			if (!decision.hiddenExperience.includes(e)) add(`${place}|e|${e}`);
	}
	for (let i = 0; i < keys.length; i++) {
		if (i % (PAUSE_EVERY * 8) === 0) yield;
		if (sizes.get(keys[i])! < k) throw new Error('k-anonymity check failed: refusing to publish');
	}
}

async function mirrorToIndex(sql: Sql, index: ProfileIndex, upserted: string[], removed: string[]) {
	// Read in small pages, written in large batches: each write to the embedded index costs a pass over it.
	for (let i = 0; i < upserted.length; i += INDEX_BATCH) {
		const batch = upserted.slice(i, i + INDEX_BATCH);
		const documents: ProfileDocument[] = [];
		for (let j = 0; j < batch.length; j += CHUNK) {
			const rows = await sql<{ document: ProfileDocument }[]>`
				select document from public_profiles where public_ref = any(${batch.slice(j, j + CHUNK)})`;
			for (const row of rows) documents.push(row.document);
		}
		await index.upsert(documents);
	}
	for (let i = 0; i < removed.length; i += INDEX_BATCH) await index.remove(removed.slice(i, i + INDEX_BATCH));
}
