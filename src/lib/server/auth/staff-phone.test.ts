import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import type { Database } from '../db/database';
import { insertStaff } from '../requests/test-fixtures';
import { phoneProblem } from '../forms/fields';
import { getStaffPhone, setStaffPhone } from './staff-phone';

let db: Database;
beforeAll(async () => {
	db = await createTestDatabase();
});
afterAll(() => db?.close());

describe('staff phone number', () => {
	it('accepts Dutch and international numbers and explains what is wrong in Dutch', () => {
		expect(phoneProblem('030 123 45 67')).toBeNull();
		expect(phoneProblem('+31 (0)30-1234567')).toBeNull();
		expect(phoneProblem('12345')).toMatch(/Vul een telefoonnummer in/);
		expect(phoneProblem('0301234')).toMatch(/Vul een telefoonnummer in|10 tot 15 cijfers/);
		expect(phoneProblem('030\u0000123 45 67')).not.toBeNull();
	});

	it('is set by the WSP member themselves, cleared when empty, and only for WSP members', async () => {
		const adviser = await insertStaff(db.sql, { region: 'AM03' });
		expect(await setStaffPhone(db.sql, adviser, ' 0592 123 456 ')).toEqual({ ok: true });
		expect(await getStaffPhone(db.sql, adviser.id)).toBe('0592 123 456');
		expect((await setStaffPhone(db.sql, adviser, 'bel me')).ok).toBe(false);
		expect(await getStaffPhone(db.sql, adviser.id)).toBe('0592 123 456');
		expect(await setStaffPhone(db.sql, adviser, '')).toEqual({ ok: true });
		expect(await getStaffPhone(db.sql, adviser.id)).toBe('');
		const admin = await insertStaff(db.sql, { role: 'admin' });
		expect((await setStaffPhone(db.sql, admin, '030 123 45 67')).ok).toBe(false);
	});
});
