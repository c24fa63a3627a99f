import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileDocument } from '../../../../search/document';
import { BASE_ROW, csv } from '../../../../tests/fixtures/import/csv-builder';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import type { Database } from '../db/database';
import { runImport } from './run-import';

let db: Database;
beforeAll(async () => {
	db = await createTestDatabase();
});
afterAll(() => db?.close());

const PERSONAL = {
	bsn: '111222333',
	naam: 'Zwaantje Plantinga',
	voornamen: 'Zwaantje Hendrika',
	achternaam: 'Plantinga',
	geboortedatum: '1971-08-19',
	geslacht: 'GESLACHT-PLANT-7',
	adres: 'Plantagestraat',
	huisnummer: 'HUISNR-PLANT-77',
	postcode: '9401 ZX',
	woonplaats: 'Plantendorp',
	telefoon: '06-98765432',
	email: 'zwaantje.plantinga@example.org',
	roepnaam: 'Zwaanie',
	partner_naam: 'Pieterbas Oosterwold',
	contactpersoon_naam: 'Geertruida Molenveld',
	contactpersoon_telefoon: '0591-445566'
};
const TEXT =
	'Zwaantje Plantinga (BSN 1112.22.333, geboren 19-08-1971) woont op Plantagestraat 12, 9401 ZX Plantendorp. ' +
	'Bel 06-98765432 of +31 6 9876 5432, mail zwaantje.plantinga@example.org, IBAN NL91ABNA0417164300, ' +
	'zie www.plantinga-zwaantje.nl. Klantnummer {klantnummer}. Hendrika werkt graag buiten. ' +
	"Zwaanie's partner Pieterbas helpt; contact via Geertruida Molenveld, 0591 44 55 66.";
const UNKNOWN = 'GEHEIM-PLANT-VALUE-42';
const MUST_NOT_APPEAR = [
	'111222333',
	'1112.22.333',
	'Zwaantje',
	'Plantinga',
	'Hendrika',
	'1971-08-19',
	'19-08-1971',
	'GESLACHT-PLANT',
	'Plantagestraat',
	'HUISNR-PLANT',
	'9401 ZX',
	'Plantendorp',
	'98765432',
	'9876 5432',
	'example.org',
	'NL91ABNA0417164300',
	'plantinga-zwaantje',
	'Zwaanie',
	'Pieterbas',
	'Oosterwold',
	'Geertruida',
	'Molenveld',
	'445566',
	'44 55 66',
	UNKNOWN
];

async function textColumns(): Promise<{ table: string; column: string }[]> {
	return db.sql`
		select table_name as table, column_name as column from information_schema.columns
		where table_schema = 'public' and data_type in ('text', 'jsonb', 'json', 'character varying', 'character', 'ARRAY')`;
}

async function tablesContaining(value: string): Promise<string[]> {
	const hits: string[] = [];
	for (const { table, column } of await textColumns()) {
		const [row] = await db.sql.unsafe(
			`select count(*)::int as n from "${table}" where "${column}"::text ilike '%' || $1 || '%'`,
			[value]
		);
		if (row.n > 0) hits.push(`${table}.${column}`);
	}
	return hits;
}

describe('data minimisation', () => {
	// One query per planted value and text column of every table: minutes on a loaded two-core machine.
	it(
		'keeps planted personal values out of every table, document and rejection report',
		{ timeout: 300_000 },
		async () => {
			const rows = Array.from({ length: 6 }, (_, i) => ({
				...BASE_ROW,
				...PERSONAL,
				klantnummer: `PLANTKLANT-${i + 1}`,
				profieltekst: TEXT.replace('{klantnummer}', `PLANTKLANT-${i + 1}`),
				opmerking_geheim: UNKNOWN
			}));
			rows.push({
				...rows[0],
				klantnummer: 'PLANTKLANT-99',
				opleidingsniveau: 'Plantinga'
			} as (typeof rows)[number]);
			const indexed: ProfileDocument[] = [];
			const summary = await runImport(db.sql, Readable.from([Buffer.from(csv(rows))]), {
				index: { upsert: async (docs) => void indexed.push(...docs), remove: async () => {} }
			});
			expect(summary).toMatchObject({ created: 6, rejected: 1, published: 6 });
			expect(JSON.stringify(summary)).not.toMatch(/Plantinga|PLANTKLANT/);

			for (const value of MUST_NOT_APPEAR) expect(await tablesContaining(value), value).toEqual([]);
			expect(await tablesContaining('PLANTKLANT')).toEqual(['candidate_source_ids.klantnummer']);

			const stored = await db.sql<{ document: ProfileDocument }[]>`select document from public_profiles`;
			const documents = JSON.stringify([...stored.map((r) => r.document), ...indexed]);
			for (const value of [...MUST_NOT_APPEAR, 'PLANTKLANT']) expect(documents).not.toContain(value);
			expect(indexed).toHaveLength(6);

			const [candidate] = await db.sql`select profile_text, profile_text_state from candidates limit 1`;
			expect(candidate.profile_text_state).toBe('review');
			expect(candidate.profile_text).toContain('[naam]');
			expect(indexed.every((d) => d.summary === '')).toBe(true);
		}
	);

	it('publishes nothing the allow-list does not name', async () => {
		const [row] = await db.sql<{ document: ProfileDocument }[]>`select document from public_profiles limit 1`;
		const json = JSON.stringify(row.document);
		for (const secret of ['Wajong', 'groeipotentieel', 'coach@uwv.example', '"UWV"', '"04"']) {
			expect(json).not.toContain(secret);
		}
		expect(Object.keys(row.document)).not.toEqual(expect.arrayContaining(['age', 'gender', 'doelgroep']));
	});
});
