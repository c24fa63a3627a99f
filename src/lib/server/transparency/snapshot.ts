import type { Sql } from '../db/database';

/**
 * Stores today's counts per municipality and kind of client (replacing an earlier snapshot of the same
 * day), so the figures can be drawn as a trend. Same data, same rows: a re-import changes nothing.
 */
export async function writeTransparencySnapshot(sql: Sql, date = new Date()): Promise<void> {
	const day = date.toISOString().slice(0, 10);
	await sql.begin(async (tx) => {
		await tx`
			delete from transparency_snapshots s where s.snapshot_date = ${day}
				and not exists (
					select 1 from candidates c where c.counted and not c.withdrawn
						and c.municipality_code = s.municipality_code
						and (c.organisation = 'UWV') = (s.client_kind = 'uwv'))`;
		await tx`
			insert into transparency_snapshots (snapshot_date, municipality_code, client_kind, with_profile, without_profile)
			select ${day}::date, municipality_code, case when organisation = 'UWV' then 'uwv' else 'gemeente' end,
				count(*) filter (where complete)::int, count(*) filter (where not complete)::int
			from candidates where counted and not withdrawn
			group by 2, 3
			on conflict (snapshot_date, municipality_code, client_kind) do update set
				with_profile = excluded.with_profile, without_profile = excluded.without_profile
			where (transparency_snapshots.with_profile, transparency_snapshots.without_profile)
				is distinct from (excluded.with_profile, excluded.without_profile)`;
	});
}

export interface TrendPoint {
	date: string;
	withProfile: number;
	withoutProfile: number;
}

/** Counts per snapshot day, for all of the Netherlands or one labour market region. */
export async function transparencyTrend(sql: Sql, regionCode?: string): Promise<TrendPoint[]> {
	return sql<TrendPoint[]>`
		select s.snapshot_date::text as date, sum(s.with_profile)::int as "withProfile",
			sum(s.without_profile)::int as "withoutProfile"
		from transparency_snapshots s join municipalities m on m.code = s.municipality_code
		where ${regionCode ?? null}::text is null or m.region_code = ${regionCode ?? null}
		group by 1 order by 1`;
}
