import type { Sql } from '../db/database';
import { transparencyTrend } from './snapshot';
import { suppressTable, type Cell } from '../dashboards/suppression';

export interface PublishedTrendPoint {
	/** `YYYY-MM-DD`, the day of an import. */
	date: string;
	withProfile: Cell;
	withoutProfile: Cell;
	total: Cell;
	share: number | null;
}

/** The counts after each import day, for the Netherlands or one region, with small numbers hidden. */
export async function publishedTrend(sql: Sql, regionCode?: string): Promise<PublishedTrendPoint[]> {
	const points = await transparencyTrend(sql, regionCode);
	const rows = points.map((p) => [p.withProfile, p.withoutProfile, p.withProfile + p.withoutProfile]);
	const { body } = suppressTable(rows, null);
	return points.map((p, i) => {
		const [withProfile, withoutProfile, total] = body[i];
		const share = withProfile !== null && withoutProfile !== null && total ? withProfile / total : null;
		return { date: p.date, withProfile, withoutProfile, total, share };
	});
}
