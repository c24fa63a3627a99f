import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import drenthe from '../../../../tests/fixtures/import/drenthe-q4-2020.json';
import { BASE_ROW, csv, type Row } from '../../../../tests/fixtures/import/csv-builder';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import type { Database } from '../db/database';
import { runImport } from '../import/run-import';
import { regionTransparency } from './counts';
import { transparencyTrend } from './snapshot';

let db: Database;
beforeAll(async () => {
	db = await createTestDatabase();
});
afterAll(() => db?.close());

// Ways a profile falls short of the counting definition: empty, or one or two of the three parts.
const INCOMPLETE: Row[] = [
	{ beroepssectoren: '', affiniteiten: '', taak_06: '', taak_02: '', opleidingsniveau: '', competenties: '' },
	{ affiniteiten: '', taak_06: '', taak_02: '' },
	{ beroepssectoren: '' },
	{ taak_06: '', taak_02: '' }
];
// Rows outside the counting definition: they must not show up in the table at all.
const NOT_COUNTED: Row[] = [
	{ status: 'uitgeschreven' },
	{ dienstverlening_eind: '2025-01-01' },
	{ doelgroepregister: 'N' },
	{ banenafspraak: 'N', beschut_werk: 'N' }
];

function drentheRows(): Row[] {
	const rows: Row[] = [];
	let n = 0;
	const add = (overrides: Row) => rows.push({ ...BASE_ROW, klantnummer: String(++n), ...overrides });
	for (const { code, figures } of drenthe.rows) {
		const cells: [string, boolean, number][] = [
			[code, true, figures[0]],
			[code, false, figures[1]],
			['UWV', true, figures[2]],
			['UWV', false, figures[3]]
		];
		for (const [organisatie, complete, count] of cells) {
			for (let i = 0; i < count; i++) {
				// People in 'beschut werk' count without the banenafspraak tick.
				const beschut: Row = i % 10 === 0 ? { banenafspraak: 'N', beschut_werk: 'J' } : {};
				add({
					gemeentecode: code,
					organisatie,
					...beschut,
					...(complete ? {} : INCOMPLETE[i % INCOMPLETE.length])
				});
			}
		}
		for (const noise of NOT_COUNTED) add({ gemeentecode: code, organisatie: code, ...noise });
	}
	return rows;
}

describe('transparency figures', () => {
	it('rebuilds the published Drenthe table from an export', async () => {
		const summary = await runImport(db.sql, Readable.from([Buffer.from(csv(drentheRows()))]));
		expect(summary).toMatchObject({ status: 'finished', rejected: 0 });
		const table = await regionTransparency(db.sql, 'AM03');
		const figures = (row: (typeof table.rows)[number]) => [
			row.municipalWithProfile,
			row.municipalWithoutProfile,
			row.uwvWithProfile,
			row.uwvWithoutProfile,
			row.total
		];
		expect(table.rows.map((row) => ({ code: row.code, name: row.name, figures: figures(row) }))).toEqual(
			drenthe.rows
		);
		expect(figures(table.total)).toEqual(drenthe.total);
		const trend = await transparencyTrend(db.sql, 'AM03');
		expect(trend).toHaveLength(1);
		expect(trend[0].withProfile + trend[0].withoutProfile).toBe(3470);
	});
});
