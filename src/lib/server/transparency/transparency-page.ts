import type { Sql } from '../db/database';
import { TABLE_COLUMNS, publishedNationalTable, publishedRegionTable } from './published-table';
import { regionMap } from './region-map';
import { publishedTrend } from './trend';

/** Everything the public figures pages show, for the Netherlands (no code) or one region. */
export async function transparencyPage(sql: Sql, regionCode?: string) {
	const table = regionCode ? await publishedRegionTable(sql, regionCode) : await publishedNationalTable(sql);
	return {
		columns: TABLE_COLUMNS.map((c) => c.label),
		table,
		map: regionMap(table.rows),
		trend: await publishedTrend(sql, regionCode),
		asOf: new Date().toISOString().slice(0, 10)
	};
}
