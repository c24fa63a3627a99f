import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import drenthe from '../../../../tests/fixtures/import/drenthe-q4-2020.json';
import { BASE_ROW, csv, type Row } from '../../../../tests/fixtures/import/csv-builder';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import type { Database } from '../db/database';
import { runImport } from '../import/run-import';
import { publishedNationalTable, publishedRegionTable } from '../transparency/published-table';
import { completenessByMunicipality, ladderDistribution, missingParts } from './quality';
import { publishedTrend } from '../transparency/trend';
import { worklist } from './worklist';

let db: Database;

/**
 * The published Drenthe table as an export: each cell's count of rows, complete or not. Incomplete rows
 * rotate through the profile qualities, so the expected J/N/L/O counts follow from the fixture alone.
 */
const NOT_COMPLETE: { quality: 'N' | 'L' | 'O'; row: Row }[] = [
	{ quality: 'O', row: { affiniteiten: '', taak_06: '', taak_02: '' } },
	{ quality: 'O', row: { beroepssectoren: '' } },
	{
		quality: 'L',
		row: {
			beroepssectoren: '',
			affiniteiten: '',
			taak_06: '',
			taak_02: '',
			opleidingsniveau: '',
			competenties: ''
		}
	},
	{
		quality: 'N',
		row: Object.fromEntries(
			Object.keys(BASE_ROW)
				.filter((c) =>
					/^(opleidingsniveau|beroepssectoren|affiniteiten|competenties|taak_\d+|uren_\w+|beschikbaar_per|dagdelen|reisafstand_km|vervoer|rijbewijs|werkervaring|profieltekst)$/.test(
						c
					)
				)
				.map((c) => [c, ''])
		)
	}
];

interface Expected {
	code: string;
	quality: 'J' | 'N' | 'L' | 'O';
	klantnummer: string;
	ladder: number;
	growth: boolean;
	/** Index into NOT_COMPLETE; null for a complete profile. */
	variant: number | null;
}
const expected: Expected[] = [];

function drentheRows(): Row[] {
	const rows: Row[] = [];
	for (const { code, figures } of drenthe.rows) {
		const cells: [string, boolean, number][] = [
			[code, true, figures[0]],
			[code, false, figures[1]],
			['UWV', true, figures[2]],
			['UWV', false, figures[3]]
		];
		for (const [organisatie, complete, count] of cells) {
			for (let i = 0; i < count; i++) {
				const klantnummer = `K${rows.length + 1}`;
				const variant = NOT_COMPLETE[i % NOT_COMPLETE.length];
				const variantIndex = complete ? null : i % NOT_COMPLETE.length;
				const ladder = 1 + (rows.length % 6);
				const growth = rows.length % 3 === 0;
				rows.push({
					...BASE_ROW,
					klantnummer,
					gemeentecode: code,
					organisatie,
					participatieladder: `0${ladder} ${growth ? 'met' : 'zonder'} groeipotentieel`,
					...(complete ? {} : variant.row)
				});
				expected.push({
					code,
					quality: complete ? 'J' : variant.quality,
					klantnummer,
					ladder,
					growth,
					variant: variantIndex
				});
			}
		}
		// Outside the counting definition: in no figure, on no worklist.
		rows.push({
			...BASE_ROW,
			klantnummer: `X${code}`,
			gemeentecode: code,
			organisatie: code,
			doelgroepregister: 'N',
			beroepssectoren: ''
		});
	}
	// Another region, to prove the region pages stay within their region.
	for (let i = 1; i <= 12; i++) {
		rows.push({
			...BASE_ROW,
			klantnummer: `GRONINGEN-${i}`,
			gemeentecode: 'GM0014',
			organisatie: 'GM0014',
			beroepssectoren: ''
		});
	}
	return rows;
}

beforeAll(async () => {
	db = await createTestDatabase();
	const summary = await runImport(db.sql, Readable.from([Buffer.from(csv(drentheRows()))]));
	expect(summary).toMatchObject({ status: 'finished', rejected: 0 });
});
afterAll(() => db?.close());

describe('published transparency table of Drenthe', () => {
	it('shows the published figures, hiding 1 to 9 and enough else that nothing can be computed back', async () => {
		const table = await publishedRegionTable(db.sql, 'AM03');
		expect(table.rows.map((r) => r.code)).toEqual(drenthe.rows.map((r) => r.code));
		table.rows.forEach((row, i) => {
			const published = drenthe.rows[i].figures;
			row.cells.forEach((cell, j) => {
				if (published[j] > 0 && published[j] < 10) expect(cell).toBeNull();
				if (cell !== null) expect(cell).toBe(published[j]);
			});
			expect(row.cells.filter((c) => c === null).length).not.toBe(1);
		});
		for (let j = 0; j < 5; j++) {
			const column = [...table.rows, table.total].map((r) => r.cells[j]);
			expect(column.filter((c) => c === null).length).not.toBe(1);
		}
		expect(table.total.cells).toEqual(drenthe.total);
		expect(table.total.share).toBeCloseTo((98 + 1808) / 3470, 10);
		// De Wolden (4) and Midden-Drenthe (9) have a small cell: no share either.
		expect(table.rows.filter((r) => r.share === null).map((r) => r.name)).toEqual(
			expect.arrayContaining(['De Wolden', 'Midden-Drenthe'])
		);
	});

	it('agrees with the national table', async () => {
		const national = await publishedNationalTable(db.sql);
		expect(national.rows.find((r) => r.code === 'AM03')!.cells).toEqual(drenthe.total);
		const groningen = national.rows.find((r) => r.code === 'AM01')!;
		expect(groningen.cells).toEqual([0, 12, 0, 0, 12]);
		expect(national.total.cells).toEqual([98, 1054 + 12, 1808, 510, 3470 + 12]);
		const worklistGroningen = await worklist(db.sql, 'AM01', { municipality: null, quality: null }, null);
		expect(worklistGroningen.total).toBe(12);
	});

	it('draws the trend from the import', async () => {
		const trend = await publishedTrend(db.sql, 'AM03');
		expect(trend).toHaveLength(1);
		expect(trend[0]).toMatchObject({ withProfile: 98 + 1808, withoutProfile: 1054 + 510, total: 3470 });
	});
});

describe('data quality of Drenthe', () => {
	it('counts J, N, L and O per municipality', async () => {
		const { rows, total } = await completenessByMunicipality(db.sql, 'AM03');
		for (const row of rows) {
			for (const q of ['J', 'N', 'L', 'O'] as const) {
				expect(row.counts[q], `${row.name} ${q}`).toBe(
					expected.filter((e) => e.code === row.code && e.quality === q).length
				);
			}
		}
		expect(total.total).toBe(3470);
		expect(total.counts.J).toBe(98 + 1808);
	});

	it('distributes the participatieladder with and without growth potential', async () => {
		const ladder = await ladderDistribution(db.sql, 'AM03');
		for (const step of [1, 2, 3, 4, 5, 6]) {
			const row = ladder.find((r) => r.step === step)!;
			expect(row.withGrowth).toBe(expected.filter((e) => e.ladder === step && e.growth).length);
			expect(row.withoutGrowth).toBe(expected.filter((e) => e.ladder === step && !e.growth).length);
		}
		expect(ladder.find((r) => r.step === null)!.total).toBe(0);
	});

	it('counts the missing parts', async () => {
		const { population, parts } = await missingParts(db.sql, 'AM03');
		expect(population).toBe(3470);
		const missing = Object.fromEntries(parts.map((p) => [p.key, p.missing]));
		const withVariant = (...variants: number[]) =>
			expected.filter((e) => e.variant !== null && variants.includes(e.variant)).length;
		expect(missing).toMatchObject({
			affinities: withVariant(0, 2, 3),
			sectors: withVariant(1, 2, 3),
			tasks: withVariant(0, 2, 3),
			education: withVariant(2, 3),
			text: withVariant(3),
			hours: withVariant(3)
		});
		expect(parts[0].missing).toBeGreaterThanOrEqual(parts[parts.length - 1].missing);
	});

	it('lists exactly the incomplete profiles of the region by klantnummer', async () => {
		const list = await worklist(db.sql, 'AM03', { municipality: null, quality: null }, null);
		const want = expected
			.filter((e) => e.quality !== 'J')
			.map((e) => e.klantnummer)
			.sort();
		expect(list.items.map((i) => i.klantnummer).sort()).toEqual(want);
		expect(list.total).toBe(want.length);
		const emmenN = await worklist(db.sql, 'AM03', { municipality: 'GM0114', quality: 'N' }, 5);
		expect(emmenN.total).toBe(expected.filter((e) => e.code === 'GM0114' && e.quality === 'N').length);
		expect(emmenN.items).toHaveLength(5);
		expect(emmenN.items.every((i) => i.missing.length === 3)).toBe(true);
	});
});
