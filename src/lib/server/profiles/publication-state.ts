import type { Queryable } from '../db/database';
import { amsterdamDay } from '../../time';

/**
 * Bump when the published set computed from the same candidates changes: the anonymisation, the
 * quasi-identifiers or their hierarchies, the reference lists they use, or what a document holds. Every
 * instance then recomputes the set at its next start instead of trusting the recorded state.
 */
export const PUBLICATION_RULES_VERSION = 1;

/** Everything the published set is computed from; equal inputs give the same set. */
export interface PublicationInputs {
	rulesVersion: number;
	k: number;
	/** The Amsterdam day availability categories are relative to. */
	day: string;
	/** Of every column of the publishable candidates the refresh reads. */
	inputsDigest: string;
}

/** How current the published set is: `day` when only the calendar moved on since the last refresh. */
export type Staleness = 'current' | 'day' | 'inputs';

/**
 * One pass over the publishable candidates in the database, no rows to the client (about 0.2 s at 100k
 * on PostgreSQL). It covers what the refresh reads from them: the profile through `content_hash` (the
 * import, its only writer, sets both); the text state, which a text review changes. The refresh is the
 * only writer of `public_profiles` and of the candidates' publication columns. Count and a 64-bit hash
 * sum: a change goes unnoticed only by a chance of about 2^-64.
 */
export async function inputsDigest(sql: Queryable): Promise<string> {
	const [row] = await sql<{ n: number; sum: string }[]>`
		select count(*)::int as n,
			coalesce(sum(hashtextextended(row(id, public_ref, municipality_code, region_code, content_hash,
				profile_text_state, source_updated_at)::text, 0)::numeric), 0)::text as sum
		from candidates where counted and complete and not withdrawn`;
	return `${row.n}:${row.sum}`;
}

/** `digest`: taken as the candidates' digest instead of computing it. */
export async function currentInputs(
	sql: Queryable,
	k: number,
	now: Date,
	digest?: string
): Promise<PublicationInputs> {
	return {
		rulesVersion: PUBLICATION_RULES_VERSION,
		k,
		day: amsterdamDay(now),
		inputsDigest: digest ?? (await inputsDigest(sql))
	};
}

export async function recordedInputs(sql: Queryable): Promise<PublicationInputs | undefined> {
	const [row] = await sql<{ rules_version: number; k: number; day: string; inputs_digest: string }[]>`
		select rules_version, k, day::text as day, inputs_digest from publication_state`;
	if (!row) return undefined;
	return { rulesVersion: row.rules_version, k: row.k, day: row.day, inputsDigest: row.inputs_digest };
}

export function staleness(recorded: PublicationInputs | undefined, current: PublicationInputs): Staleness {
	if (
		!recorded ||
		recorded.rulesVersion !== current.rulesVersion ||
		recorded.k !== current.k ||
		recorded.inputsDigest !== current.inputsDigest
	)
		return 'inputs';
	return recorded.day === current.day ? 'current' : 'day';
}

export async function recordInputs(sql: Queryable, inputs: PublicationInputs, now: Date): Promise<void> {
	await sql`
		insert into publication_state (rules_version, k, day, inputs_digest, refreshed_at)
		values (${inputs.rulesVersion}, ${inputs.k}, ${inputs.day}, ${inputs.inputsDigest}, ${now})
		on conflict (singleton) do update set rules_version = excluded.rules_version, k = excluded.k,
			day = excluded.day, inputs_digest = excluded.inputs_digest, refreshed_at = excluded.refreshed_at`;
}
