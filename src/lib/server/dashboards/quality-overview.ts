import type { Sql } from '../db/database';
import type { QualityCode } from './quality';
import type { RegionRef } from './region-scope';

export interface RegionQuality {
	code: string;
	name: string;
	counts: Record<QualityCode, number>;
	total: number;
}

/** J/N/L/O per region, for administrators choosing a region. */
export async function completenessByRegion(sql: Sql, regions: RegionRef[]): Promise<RegionQuality[]> {
	const found = await sql<{ code: string; quality: QualityCode; n: number }[]>`
		select region_code as code, quality, count(*)::int as n
		from candidates where counted and not withdrawn group by 1, 2`;
	return regions.map(({ code, name }) => {
		const counts = { J: 0, N: 0, L: 0, O: 0 };
		for (const f of found) if (f.code === code) counts[f.quality] += f.n;
		return { code, name, counts, total: counts.J + counts.N + counts.L + counts.O };
	});
}
