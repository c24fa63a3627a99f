import type { Sql } from '../db/database';

/**
 * `--full`: a complete export of an organisation no longer lists these candidates, so they are withdrawn
 * (unpublished, left out of the figures). Scope: only the organisations present in the file.
 */
export async function withdrawMissing(
	sql: Sql,
	organisations: string[],
	seen: { organisation: string; klantnummer: string }[]
): Promise<number> {
	const rows = await sql<{ id: string }[]>`
		with seen as (
			select * from unnest(${seen.map((s) => s.organisation)}::text[], ${seen.map((s) => s.klantnummer)}::text[])
				as x(organisation, klantnummer)
		), missing as (
			select s.candidate_id from candidate_source_ids s
			left join seen x on x.organisation = s.organisation and x.klantnummer = s.klantnummer
			where s.organisation = any(${organisations}) and x.klantnummer is null
		)
		update candidates c set withdrawn = true, updated_at = now()
		from missing m where c.id = m.candidate_id and not c.withdrawn
		returning c.id`;
	return rows.length;
}
