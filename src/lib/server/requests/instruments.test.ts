import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import type { Database } from '../db/database';
import { deleteInstrument, listInstruments, saveInstrument } from './instruments';
import { insertStaff } from './test-fixtures';

let db: Database;
beforeAll(async () => {
	db = await createTestDatabase();
});
afterAll(() => db?.close());

const entry = {
	title: 'Regionale jobcoachpool',
	body: 'Een jobcoach van de gemeente, zonder kosten.',
	position: '5'
};

describe('what an employer can get', () => {
	it('has national content from the migration, and regional additions only for that region', async () => {
		const national = await listInstruments(db.sql, null);
		expect(national.map((i) => i.title)).toEqual(
			expect.arrayContaining([
				'Proefplaatsing',
				'No-riskpolis',
				'Loonkostensubsidie of loondispensatie',
				'Jobcoach',
				'Werkplekaanpassing'
			])
		);
		const coordinator = await insertStaff(db.sql, { region: 'AM03', coordinator: true });
		expect(await saveInstrument(db.sql, coordinator, { id: null, regionCode: 'AM03', ...entry })).toEqual({
			ok: true
		});
		expect((await listInstruments(db.sql, 'AM03')).map((i) => i.title)).toContain(entry.title);
		expect((await listInstruments(db.sql, 'AM01')).map((i) => i.title)).not.toContain(entry.title);
	});

	it('lets a coordinator edit their own region only, an admin everything, and nobody else anything', async () => {
		const coordinator = await insertStaff(db.sql, { region: 'AM06', coordinator: true });
		const adviser = await insertStaff(db.sql, { region: 'AM06' });
		const admin = await insertStaff(db.sql, { role: 'admin' });
		const [nationalItem] = await listInstruments(db.sql, null);
		expect(await saveInstrument(db.sql, coordinator, { id: null, regionCode: 'AM07', ...entry })).toEqual({
			ok: false,
			forbidden: true
		});
		expect(await saveInstrument(db.sql, adviser, { id: null, regionCode: 'AM06', ...entry })).toEqual({
			ok: false,
			forbidden: true
		});
		expect(
			await saveInstrument(db.sql, coordinator, { id: nationalItem.id, regionCode: null, ...entry })
		).toEqual({ ok: false, forbidden: true });
		expect(await deleteInstrument(db.sql, coordinator, nationalItem.id)).toBe(false);
		expect(
			await saveInstrument(db.sql, coordinator, { id: null, regionCode: 'AM06', ...entry, title: '' })
		).toEqual({
			ok: false,
			errors: { title: 'Vul een titel in.' }
		});
		expect(
			await saveInstrument(db.sql, admin, { id: null, regionCode: null, ...entry, title: 'Landelijk nieuw' })
		).toEqual({ ok: true });
		const item = (await listInstruments(db.sql, null)).find((i) => i.title === 'Landelijk nieuw')!;
		expect(await deleteInstrument(db.sql, admin, item.id)).toBe(true);
	});
});
