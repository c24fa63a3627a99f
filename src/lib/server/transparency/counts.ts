import type { Sql } from '../db/database';
import { municipalitiesOf, regionName } from '../profiles/geography';
import { municipalities, regions } from '../profiles/reference';

/** One line of the UWV transparency table. */
export interface TransparencyRow {
	code: string;
	name: string;
	municipalWithProfile: number;
	municipalWithoutProfile: number;
	uwvWithProfile: number;
	uwvWithoutProfile: number;
	total: number;
}

export interface TransparencyTable {
	code: string;
	name: string;
	rows: TransparencyRow[];
	total: TransparencyRow;
}

interface CountRow {
	municipality_code: string;
	uwv: boolean;
	complete: boolean;
	n: number;
}

/**
 * Live counts by the UWV counting definition (`candidates.counted`), left out: candidates withdrawn by
 * a full export. Split by who serves the client and by profile yes (complete) / no.
 */
async function countRows(sql: Sql): Promise<CountRow[]> {
	return sql<CountRow[]>`
		select municipality_code, organisation = 'UWV' as uwv, complete, count(*)::int as n
		from candidates where counted and not withdrawn
		group by 1, 2, 3`;
}

function emptyRow(code: string, name: string): TransparencyRow {
	return {
		code,
		name,
		municipalWithProfile: 0,
		municipalWithoutProfile: 0,
		uwvWithProfile: 0,
		uwvWithoutProfile: 0,
		total: 0
	};
}

function add(row: TransparencyRow, count: CountRow): void {
	const field = count.uwv
		? count.complete
			? 'uwvWithProfile'
			: 'uwvWithoutProfile'
		: count.complete
			? 'municipalWithProfile'
			: 'municipalWithoutProfile';
	row[field] += count.n;
	row.total += count.n;
}

function sum(code: string, name: string, rows: TransparencyRow[]): TransparencyRow {
	const total = emptyRow(code, name);
	for (const row of rows) {
		total.municipalWithProfile += row.municipalWithProfile;
		total.municipalWithoutProfile += row.municipalWithoutProfile;
		total.uwvWithProfile += row.uwvWithProfile;
		total.uwvWithoutProfile += row.uwvWithoutProfile;
		total.total += row.total;
	}
	return total;
}

/** The table per municipality of one labour market region, as UWV publishes it (all municipalities, zeros included). */
export async function regionTransparency(sql: Sql, regionCode: string): Promise<TransparencyTable> {
	const codes = municipalitiesOf(regionCode);
	const rows = new Map(codes.map((code) => [code, emptyRow(code, municipalities.get(code)!.name)]));
	for (const count of await countRows(sql)) {
		const row = rows.get(count.municipality_code);
		if (row) add(row, count);
	}
	const list = [...rows.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
	const name = regionName(regionCode);
	return { code: regionCode, name, rows: list, total: sum(regionCode, `totaal ${name}`, list) };
}

/** The national table: one line per labour market region and the total for the Netherlands. */
export async function nationalTransparency(sql: Sql): Promise<TransparencyTable> {
	const rows = new Map([...regions.values()].map((r) => [r.code, emptyRow(r.code, r.name)]));
	for (const count of await countRows(sql)) {
		const region = municipalities.get(count.municipality_code)?.region;
		const row = region ? rows.get(region) : undefined;
		if (row) add(row, count);
	}
	const list = [...rows.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
	return { code: 'NL', name: 'Nederland', rows: list, total: sum('NL', 'Nederland', list) };
}
