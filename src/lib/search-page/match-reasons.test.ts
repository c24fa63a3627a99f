import { describe, expect, it } from 'vitest';
import { randomProfileDocuments } from '$search/testing/random-documents';
import { matchReasons } from './match-reasons';
import { searchStateFromParams } from './search-state';

// Runs under TZ=UTC and TZ=Europe/Amsterdam (vitest projects tz-utc and tz-amsterdam).
describe('matchReasons', () => {
	it('names the published availability category, never a start date, whatever the server time zone', () => {
		const [doc] = randomProfileDocuments(1);
		const candidate = { ...doc, availability: 'binnen-1-maand' };
		const state = searchStateFromParams(new URLSearchParams('beschikbaar=binnen-3-maanden'));
		const reasons = matchReasons(candidate, state, null);
		expect(reasons).toContain('Beschikbaar binnen 1 maand');
		expect(reasons.join(' ')).not.toMatch(/\d{4}/);
	});
});
