import type { Sql } from '../db/database';
import { QUALITY_CODES, type QualityCode } from './quality';

/**
 * Incomplete profiles by klantnummer, so a consultant can complete them in Sonar. Staff only: this is
 * the one dashboard that names people (by number), so every view and export is audited by the route.
 */
export interface WorklistItem {
	klantnummer: string;
	organisation: string;
	municipalityCode: string;
	quality: QualityCode;
	/** Which of the three counted parts are missing. */
	missing: ('affiniteiten' | 'beroepssectoren' | 'taaksoortvragen')[];
	participatieladder: number | null;
	groeipotentieel: boolean | null;
	klantmanager: string | null;
	/** `YYYY-MM-DD` as given by the export. */
	lastUpdated: string;
}

export interface WorklistFilter {
	municipality: string | null;
	quality: QualityCode | null;
}

export function parseWorklistFilter(params: URLSearchParams): WorklistFilter {
	const municipality = params.get('gemeente');
	const quality = params.get('kwaliteit');
	return {
		municipality: municipality && /^GM\d{4}$/.test(municipality) ? municipality : null,
		quality:
			QUALITY_CODES.includes(quality as QualityCode) && quality !== 'J' ? (quality as QualityCode) : null
	};
}

export async function worklist(
	sql: Sql,
	regionCode: string,
	filter: WorklistFilter,
	limit: number | null
): Promise<{ items: WorklistItem[]; total: number }> {
	const rows = await sql<
		(Omit<WorklistItem, 'missing'> & {
			noAffinities: boolean;
			noSectors: boolean;
			noTasks: boolean;
			total: number;
		})[]
	>`
		select s.klantnummer, c.organisation, c.municipality_code as "municipalityCode", c.quality,
			coalesce(jsonb_array_length(c.profile->'affinities'), 0) = 0 as "noAffinities",
			coalesce(jsonb_array_length(c.profile->'sectors'), 0) = 0 as "noSectors",
			coalesce(c.profile->'tasks', '{}'::jsonb) = '{}'::jsonb as "noTasks",
			c.participatieladder, c.groeipotentieel, c.klantmanager_email as klantmanager,
			c.source_updated_at::text as "lastUpdated", count(*) over ()::int as total
		from candidates c join candidate_source_ids s on s.candidate_id = c.id
		where c.counted and not c.withdrawn and c.quality <> 'J' and c.region_code = ${regionCode}
			and (${filter.municipality}::text is null or c.municipality_code = ${filter.municipality})
			and (${filter.quality}::text is null or c.quality = ${filter.quality})
		order by c.municipality_code, c.organisation, s.klantnummer
		limit ${limit ?? null}`;
	return {
		total: rows[0]?.total ?? 0,
		items: rows.map(({ noAffinities, noSectors, noTasks, total: _total, ...item }) => ({
			...item,
			missing: [
				...(noAffinities ? ['affiniteiten' as const] : []),
				...(noSectors ? ['beroepssectoren' as const] : []),
				...(noTasks ? ['taaksoortvragen' as const] : [])
			]
		}))
	};
}
