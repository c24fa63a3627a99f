import type { Sql } from '../db/database';
import {
	nationalTransparency,
	regionTransparency,
	type TransparencyRow,
	type TransparencyTable
} from './counts';
import { suppressTable, type Cell } from '../dashboards/suppression';

/** The columns of the UWV table, in its order; the last is the row total. */
export const TABLE_COLUMNS = [
	{ key: 'municipalWithProfile', label: 'Gemeenteklanten met profiel' },
	{ key: 'municipalWithoutProfile', label: 'Gemeenteklanten zonder profiel' },
	{ key: 'uwvWithProfile', label: 'UWV-klanten met profiel' },
	{ key: 'uwvWithoutProfile', label: 'UWV-klanten zonder profiel' },
	{ key: 'total', label: 'Totaal' }
] as const;

export interface PublishedRow {
	code: string;
	name: string;
	/** In the order of TABLE_COLUMNS; null = fewer than 10 or hidden to protect another cell. */
	cells: Cell[];
	/** Share with a complete profile (0..1); null when any cell of the row is hidden or nobody is counted. */
	share: number | null;
}

export interface PublishedTable {
	code: string;
	name: string;
	rows: PublishedRow[];
	total: PublishedRow;
}

const figures = (row: TransparencyRow) => TABLE_COLUMNS.map((c) => row[c.key]);

/**
 * A share on the page times the total shown would give a hidden cell back, so a row with any hidden cell
 * has no share.
 */
function shareOf(cells: Cell[]): number | null {
	if (cells.some((c) => c === null)) return null;
	const [municipalWith, , uwvWith, , total] = cells as number[];
	return total > 0 ? (municipalWith + uwvWith) / total : null;
}

function publish(table: TransparencyTable, forcedTotal?: boolean[]): PublishedTable {
	const suppressed = suppressTable(table.rows.map(figures), figures(table.total), forcedTotal);
	const row = (source: TransparencyRow, cells: Cell[]): PublishedRow => ({
		code: source.code,
		name: source.name,
		cells,
		share: shareOf(cells)
	});
	return {
		code: table.code,
		name: table.name,
		rows: table.rows.map((r, i) => row(r, suppressed.body[i])),
		total: row(table.total, suppressed.total!)
	};
}

/** The Netherlands, one line per labour market region, with small numbers hidden. */
export async function publishedNationalTable(sql: Sql): Promise<PublishedTable> {
	return publish(await nationalTransparency(sql));
}

/**
 * One region, a line per municipality. The region's total line hides at least what its line in the
 * national table hides: otherwise the two pages together would show what each hides.
 */
export async function publishedRegionTable(sql: Sql, regionCode: string): Promise<PublishedTable> {
	const national = await publishedNationalTable(sql);
	const line = national.rows.find((r) => r.code === regionCode);
	const forced = line?.cells.map((c) => c === null);
	return publish(await regionTransparency(sql, regionCode), forced);
}
