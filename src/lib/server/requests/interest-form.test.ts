import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import { fakeClock } from '../clock';
import type { Database } from '../db/database';
import { LIMITS } from './abuse';
import { processInterestForm } from './interest-form';
import { insertCandidate, REGION_A } from './test-fixtures';

let db: Database;
let ref: string;
beforeAll(async () => {
	db = await createTestDatabase();
	ref = await insertCandidate(db.sql, REGION_A);
});
afterAll(() => db?.close());

const clock = fakeClock('2026-02-02T09:00:00Z');
let n = 0;
const uniqueAddress = () => `10.0.0.${++n}`;

function form(overrides: Record<string, string> = {}) {
	const f = new FormData();
	const fields: Record<string, string> = {
		kandidaat: ref,
		bedrijfsnaam: 'Bakkerij De Korenschoof',
		kvk: '1234 5678',
		werklocatie: '3511 AB',
		contactpersoon: 'Jan Jansen',
		email: `jan${n}@korenschoof.example`,
		telefoon: '06 12345678',
		functie: 'Inpakken',
		uren: '20',
		startdatum: '',
		bericht: '',
		toestemming: 'ja',
		website: '',
		...overrides
	};
	for (const [k, v] of Object.entries(fields)) if (v !== '') f.set(k, v);
	return f;
}

const run = (f: FormData, address = uniqueAddress()) =>
	processInterestForm(db.sql, f, { address, origin: 'https://kv.example', clock });

async function solve(challenge: Challenge): Promise<string> {
	const solution = await solveChallenge({ challenge, deriveKey });
	return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

describe('the interest form', () => {
	it('accepts a complete form; a municipality name or a postcode gives the work location', async () => {
		expect(await run(form())).toMatchObject({ ok: true, token: expect.any(String) });
		expect(await run(form({ werklocatie: 'utrecht' }))).toMatchObject({ ok: true });
		// The same place finder as the search page: accents and punctuation do not matter, nor a CBS code.
		expect(await run(form({ werklocatie: 'Sudwest Fryslan' }))).toMatchObject({ ok: true });
		expect(await run(form({ werklocatie: 's-Gravenhage' }))).toMatchObject({ ok: true });
		expect(await run(form({ werklocatie: 'GM0344' }))).toMatchObject({ ok: true });
	});

	it('answers in Dutch, per field, and keeps what was typed', async () => {
		const result = await run(
			form({ kvk: '1234', email: 'geen-adres', uren: 'veel', toestemming: '', werklocatie: 'Atlantis' })
		);
		if (result.ok) throw new Error('expected errors');
		expect(result.errors).toEqual({
			kvk: 'Een KvK-nummer heeft 8 cijfers, bijvoorbeeld 12345678.',
			email: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.nl.',
			uren: 'Vul het aantal uren per week in als getal, bijvoorbeeld 24.',
			toestemming: 'Geef toestemming voor het gebruik van uw gegevens.',
			werklocatie:
				'Deze plaats kennen we niet. Vul de gemeente of de 4 cijfers van de postcode in, bijvoorbeeld 3511.'
		});
		expect(result.values).toMatchObject({
			kvk: '1234',
			email: 'geen-adres',
			werklocatie: 'Atlantis',
			toestemming: ''
		});
		expect(result.message).toMatch(/Verbeter de fouten/);
	});

	it('requires the fields that are needed', async () => {
		const result = await run(form({ bedrijfsnaam: '', contactpersoon: '', telefoon: '', functie: '' }));
		if (result.ok) throw new Error('expected errors');
		expect(Object.keys(result.errors).sort()).toEqual([
			'bedrijfsnaam',
			'contactpersoon',
			'functie',
			'telefoon'
		]);
	});

	it('accepts only a start date that exists, from today to two years on', async () => {
		// The clock says 2 February 2026.
		const startError = async (startdatum: string) => {
			const result = await run(form({ startdatum }));
			return result.ok ? null : result.errors.startdatum;
		};
		expect(await startError('0000-01-01')).toBe('Vul een bestaande datum in, bijvoorbeeld 2026-03-01.');
		expect(await startError('2026-02-31')).toBe('Vul een bestaande datum in, bijvoorbeeld 2026-03-01.');
		expect(await startError('9999-12-31')).toBe('Vul een bestaande datum in, bijvoorbeeld 2026-03-01.');
		expect(await startError('2028-03-01')).toBe(
			'Kies een startdatum binnen twee jaar, of laat het veld leeg.'
		);
		expect(await startError('2026-02-01')).toMatch(/in het verleden/);
		expect(await startError('2026-02-02')).toBeNull();
		const accepted = await run(form({ startdatum: '2026-03-01' }));
		expect(accepted.ok).toBe(true);
		if (!accepted.ok) return;
		const [stored] = await db.sql<{ startDate: string }[]>`
			select to_char(start_date, 'YYYY-MM-DD') as "startDate" from employer_submissions
			order by id desc limit 1`;
		expect(stored?.startDate).toBe('2026-03-01');
	});

	it('refuses a filled honeypot without storing anything', async () => {
		const [before] = await db.sql`select count(*)::int as n from employer_submissions`;
		const result = await run(form({ website: 'https://spam.example' }));
		expect(result.ok).toBe(false);
		const [after] = await db.sql`select count(*)::int as n from employer_submissions`;
		expect(after.n).toBe(before.n);
	});

	it('asks for an altcha proof of work near the limit, accepts a solved one once, and blocks at the limit', async () => {
		const address = uniqueAddress();
		for (let i = 0; i < LIMITS.address.soft; i++) {
			expect((await run(form({ email: `a${i}@x.example` }), address)).ok).toBe(true);
		}
		const asked = await run(form({ email: 'b@x.example' }), address);
		if (asked.ok || !asked.challenge) throw new Error('expected a challenge');
		expect(asked.message).toMatch(/geen robot/);
		const payload = await solve(asked.challenge);
		expect((await run(form({ email: 'b@x.example', altcha: payload }), address)).ok).toBe(true);
		const replay = await run(form({ email: 'c@x.example', altcha: payload }), address);
		expect(replay.ok).toBe(false);
		for (let i = LIMITS.address.soft + 1; i < LIMITS.address.hard; i++) {
			const c = await run(form({ email: `d${i}@x.example` }), address);
			if (c.ok || !c.challenge) throw new Error('expected a challenge');
			expect(
				(await run(form({ email: `d${i}@x.example`, altcha: await solve(c.challenge) }), address)).ok
			).toBe(true);
		}
		const blocked = await run(form({ email: 'e@x.example' }), address);
		expect(blocked).toMatchObject({
			ok: false,
			challenge: null,
			message: expect.stringMatching(/over een uur/)
		});
	});

	it('counts per e-mail address too, whatever the network address', async () => {
		const email = 'same@employer.example';
		for (let i = 0; i < LIMITS.email.soft; i++) expect((await run(form({ email }))).ok).toBe(true);
		const asked = await run(form({ email }));
		expect(asked).toMatchObject({ ok: false, challenge: expect.any(Object) });
	});
});
