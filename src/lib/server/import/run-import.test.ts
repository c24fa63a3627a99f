import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_ROW, csv, similarRows } from '../../../../tests/fixtures/import/csv-builder';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import type { Database } from '../db/database';
import { getPublicProfile } from '../profiles/queries';
import { runImport } from './run-import';

let db: Database;
beforeAll(async () => {
	db = await createTestDatabase();
});
afterAll(() => db?.close());

const file = (text: string | Buffer) => Readable.from([Buffer.from(text)]);
const count = async (table: string) =>
	(await db.sql.unsafe(`select count(*)::int as n from ${table}`))[0].n as number;

async function snapshot() {
	return {
		candidates: await db.sql`select * from candidates order by id`,
		sources: await db.sql`select * from candidate_source_ids order by candidate_id`,
		published: await db.sql`select * from public_profiles order by public_ref`,
		snapshots: await db.sql`select * from transparency_snapshots order by 1, 2, 3`
	};
}

describe('runImport', () => {
	it('refuses files that are not this format, changing nothing', async () => {
		const cases: [string | Buffer, RegExp][] = [
			['', /leeg/],
			['\uFEFF\n\n', /leeg/],
			[Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 1, 2]), /Excel/],
			[Buffer.from([0x01, 0x00, 0xff, 0xfe, 0x00]), /binaire/],
			[
				'naam;adres;woonplaats\nJan;Dorpsstraat 1;Emmen\n',
				/verplichte kolommen ontbreken \(klantnummer, organisatie/
			],
			[csv([]).replace(/\n$/, '') || Object.keys(BASE_ROW).join(';') + '\n', /alleen een kopregel/]
		];
		for (const [content, message] of cases) {
			const summary = await runImport(db.sql, file(content));
			expect(summary.status).toBe('refused');
			expect(summary.refusal).toBe('file');
			expect(summary.message).toMatch(message);
		}
		expect(await count('candidates')).toBe(0);
	});

	it('rejects bad rows with line, column and a Dutch reason, and imports the others', async () => {
		const rows = [
			...similarRows(5, {}, 1),
			{ ...BASE_ROW, klantnummer: '90', opleidingsniveau: 'doctor', uren_min: '30', uren_max: '20' },
			{ ...BASE_ROW, klantnummer: '91', gemeentecode: 'GM9999' },
			{ ...BASE_ROW, klantnummer: '92', gemeentecode: '', postcode: '9401 AB' },
			{ ...BASE_ROW, klantnummer: '93', laatst_gewijzigd: '31-02-2025', banenafspraak: 'misschien' },
			{ ...BASE_ROW, klantnummer: '1' }
		];
		const summary = await runImport(db.sql, file(csv(rows)), { fileName: 'test.csv' });
		expect(summary.status).toBe('finished');
		expect(summary).toMatchObject({ rowsRead: 10, created: 6, rejected: 4 });
		expect(summary.rejections).toEqual([
			{ line: 7, column: 'opleidingsniveau', reason: 'Onbekende code voor opleidingsniveau.' },
			{ line: 7, column: 'uren_max', reason: 'Maximaal aantal uren is kleiner dan het minimum.' },
			{ line: 8, column: 'gemeentecode', reason: 'Onbekende gemeentecode (gebruik de CBS-code GMxxxx).' },
			{ line: 10, column: 'banenafspraak', reason: 'Geen geldige ja/nee-waarde (gebruik J of N).' },
			{
				line: 10,
				column: 'laatst_gewijzigd',
				reason: 'Geen geldige datum (gebruik JJJJ-MM-DD of DD-MM-JJJJ).'
			},
			{ line: 11, column: 'klantnummer', reason: 'Dit klantnummer staat al op regel 2.' }
		]);
		const stored =
			await db.sql`select line, column_name, reason from import_rejections where import_id = ${summary.importId} order by line, column_name`;
		expect(stored).toHaveLength(6);
		const [viaPostcode] = await db.sql`
			select c.municipality_code from candidates c join candidate_source_ids s on s.candidate_id = c.id
			where s.klantnummer = '92'`;
		expect(viaPostcode.municipality_code).toBe('GM0106');
		const [log] =
			await db.sql`select status, rows_read, rows_rejected from imports where id = ${summary.importId}`;
		expect(log).toEqual({ status: 'finished', rows_read: 10, rows_rejected: 4 });
	});

	it('strict mode refuses the whole file on the first bad row and changes nothing', async () => {
		const before = await snapshot();
		const rows = [
			...similarRows(3, {}, 200),
			{ ...BASE_ROW, klantnummer: '203', rijbewijs: 'B|Z' },
			...similarRows(3, {}, 300)
		];
		const summary = await runImport(db.sql, file(csv(rows)), { strict: true });
		expect(summary).toMatchObject({ status: 'refused', refusal: 'row', created: 0 });
		expect(summary.rejections).toEqual([
			{ line: 5, column: 'rijbewijs', reason: 'Onbekende code voor rijbewijs.' }
		]);
		expect(await snapshot()).toEqual(before);
	});

	it('imports the same file twice without changing anything the second time', async () => {
		const text = csv([
			...similarRows(6, { organisatie: 'GM0114' }, 500),
			{ ...BASE_ROW, klantnummer: '600', profieltekst: 'Bel 06-12345678' }
		]);
		const first = await runImport(db.sql, file(text));
		expect(first.created).toBe(7);
		const before = await snapshot();
		const second = await runImport(db.sql, file(text));
		expect(second).toMatchObject({
			status: 'finished',
			created: 0,
			updated: 0,
			unchanged: 7,
			unpublished: 0
		});
		expect(await snapshot()).toEqual(before);
	});

	it('accepts a comma-separated file with CRLF, a BOM and dd-mm-yyyy dates', async () => {
		const text =
			'\uFEFF' +
			csv(
				similarRows(5, { klantnummer: '', laatst_gewijzigd: '01-03-2025' }).map((r, i) => ({
					...r,
					klantnummer: `C${i}`
				})),
				{ separator: ',' }
			).replace(/\n/g, '\r\n');
		const summary = await runImport(db.sql, file(text));
		expect(summary).toMatchObject({ status: 'finished', created: 5, rejected: 0 });
	});

	it('unpublishes on a status change, and --full withdraws candidates missing from the file', async () => {
		const rows = similarRows(6, { organisatie: 'GM0109', gemeentecode: 'GM0109' }, 700);
		await runImport(db.sql, file(csv(rows)));
		const refs = await db.sql<{ public_ref: string; klantnummer: string }[]>`
			select c.public_ref, s.klantnummer from candidates c join candidate_source_ids s on s.candidate_id = c.id
			where c.organisation = 'GM0109' order by s.klantnummer`;
		expect((await getPublicProfile(db.sql, refs[0].public_ref)).status).toBe('published');

		const changed = rows.map((r, i) => (i === 0 ? { ...r, status: 'uitgeschreven' } : r));
		const removed: string[] = [];
		const summary = await runImport(db.sql, file(csv(changed)), {
			index: { upsert: async () => {}, remove: async (ids) => void removed.push(...ids) }
		});
		expect(summary).toMatchObject({ updated: 1, unchanged: 5, unpublished: 1 });
		expect(removed).toContain(refs[0].public_ref);
		expect(await getPublicProfile(db.sql, refs[0].public_ref)).toEqual({ status: 'unpublished' });

		const full = await runImport(db.sql, file(csv(changed.slice(0, 5))), { full: true });
		expect(full).toMatchObject({ withdrawn: 1, organisations: ['GM0109'] });
		const [withdrawn] =
			await db.sql`select withdrawn, published from candidates where public_ref = ${refs[5].public_ref}`;
		expect(withdrawn).toEqual({ withdrawn: true, published: false });
		const [otherOrg] =
			await db.sql`select count(*)::int as n from candidates where organisation <> 'GM0109' and withdrawn`;
		expect(otherOrg.n).toBe(0);
	});
});
