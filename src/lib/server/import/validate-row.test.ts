import { describe, expect, it } from 'vitest';
import { BASE_ROW, type Row } from '../../../../tests/fixtures/import/csv-builder';
import { validateRow } from './validate-row';

const context = { postcodes: new Map<string, string>(), today: '2026-03-15' };
const validate = (overrides: Row) => {
	const row = { ...BASE_ROW, ...overrides };
	return validateRow((column) => row[column] ?? '', context);
};
const problemsOf = (overrides: Row) => {
	const result = validate(overrides);
	return result.ok ? [] : result.problems;
};

describe('validateRow hardening', () => {
	it('refuses a klantnummer that passes the elfproef, with 8 or 9 digits, and one equal to the BSN', () => {
		for (const klantnummer of ['111222333', '1112.22.333', '12345672']) {
			expect(problemsOf({ klantnummer })).toEqual([
				{ column: 'klantnummer', reason: expect.stringContaining('BSN') }
			]);
		}
		expect(problemsOf({ klantnummer: 'K-4471', bsn: 'K-4471' })[0]?.column).toBe('klantnummer');
		// The reason never carries the value.
		expect(JSON.stringify(problemsOf({ klantnummer: '111222333' }))).not.toContain('111222333');
		expect(validate({ klantnummer: '123456789' }).ok).toBe(true);
	});

	it('accepts doelgroep only from the list, in any case, and never stores free text', () => {
		const ok = validate({ doelgroep: 'client pw' });
		expect(ok.ok && ok.record.doelgroep).toBe('Client PW');
		expect(problemsOf({ doelgroep: 'autisme, woont bij moeder' })[0]?.column).toBe('doelgroep');
	});

	it('rejects implausible dates: availability over two years away, last update in the future', () => {
		expect(problemsOf({ beschikbaar_per: '2028-04-01' })[0]?.column).toBe('beschikbaar_per');
		expect(validate({ beschikbaar_per: '2028-03-01' }).ok).toBe(true);
		expect(problemsOf({ laatst_gewijzigd: '2026-03-16' })[0]?.column).toBe('laatst_gewijzigd');
	});

	it('requires klantmanager_email to be an e-mail address', () => {
		expect(problemsOf({ klantmanager_email: 'Jan de coach' })[0]?.column).toBe('klantmanager_email');
	});

	it('accepts list values by code or by label, ignoring case and accents', () => {
		const result = validate({
			affiniteiten: 'Met mensen|MET_DIEREN|met-planten-natuur',
			competenties: 'Hygiënisch werken|hygienisch werken',
			beroepssectoren: 'Logistiek en transport',
			opleidingsniveau: 'Mbo 2',
			rijbewijs: 'b|am',
			vervoer: 'Openbaar vervoer'
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.record.profile).toMatchObject({
			affinities: ['met-mensen', 'met-dieren', 'met-planten-natuur'],
			competences: ['hygienisch-werken'],
			sectors: ['logistiek-transport'],
			education: 'mbo-2',
			licences: ['B', 'AM'],
			transport: ['ov']
		});
	});

	it('sends every non-empty text to review, even one the scrubber finds nothing in', () => {
		const result = validate({ profieltekst: 'Gemotiveerd en werkt graag met mensen.' });
		expect(result.ok && result.record.profileTextState).toBe('review');
	});
});
