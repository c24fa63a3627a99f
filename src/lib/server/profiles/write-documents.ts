import type { TransactionSql } from 'postgres';
import type { Publication } from './anonymise';
import type { CandidateProfile, ProfileTextState } from './candidate-record';
import { toProfileDocument, type PublishableCandidate } from './public-profile';
import type { QiRow } from './publish';

/** Builds and upserts the documents of candidates whose source changed; returns their refs. */
export async function writeDocuments(
	tx: TransactionSql,
	items: { row: QiRow; publication: Publication; key: string }[],
	now: Date
): Promise<string[]> {
	const ids = items.map((item) => item.row.id);
	const full = await tx<FullRow[]>`
		select id, public_ref, municipality_code, region_code, profile, profile_text, profile_text_state,
			source_updated_at::text as source_updated_at, first_published_at
		from candidates where id = any(${ids})`;
	const byId = new Map(full.map((row) => [String(row.id), row]));
	const payload = items.map(({ row, publication, key }) => {
		const c = byId.get(String(row.id))!;
		const candidate: PublishableCandidate = {
			publicRef: c.public_ref,
			municipalityCode: c.municipality_code,
			regionCode: c.region_code,
			profile: c.profile,
			profileText: c.profile_text,
			profileTextState: c.profile_text_state,
			sourceUpdatedAt: c.source_updated_at,
			firstPublishedAt: c.first_published_at
		};
		const document = toProfileDocument(candidate, publication, now);
		return {
			public_ref: c.public_ref,
			candidate_id: Number(c.id),
			region_code: document.region,
			municipality_code: document.municipality,
			document,
			source_key: key
		};
	});
	await tx`
		insert into public_profiles (public_ref, candidate_id, region_code, municipality_code, document, source_key)
		select public_ref, candidate_id, region_code, municipality_code, document, source_key
		from jsonb_to_recordset(${tx.json(payload as never)}) as x(
			public_ref text, candidate_id bigint, region_code text, municipality_code text,
			document jsonb, source_key text)
		on conflict (public_ref) do update set
			region_code = excluded.region_code, municipality_code = excluded.municipality_code,
			document = excluded.document, source_key = excluded.source_key, updated_at = now()`;
	await tx`
		update candidates set first_published_at = ${now}
		where id = any(${ids}) and first_published_at is null`;
	return payload.map((p) => p.public_ref);
}

interface FullRow {
	id: string;
	public_ref: string;
	municipality_code: string;
	region_code: string;
	profile: CandidateProfile;
	profile_text: string;
	profile_text_state: ProfileTextState;
	source_updated_at: string;
	first_published_at: Date | null;
}
