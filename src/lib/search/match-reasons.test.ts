import { describe, expect, it } from 'vitest';
import { randomProfileDocuments } from '$search/testing/random-documents';
import { amsterdamMidnight, unixSeconds } from '../time';
import { matchReasons } from './match-reasons';
import { searchStateFromParams } from './search-state';

// Runs under TZ=UTC and TZ=Europe/Amsterdam (vitest projects tz-utc and tz-amsterdam).
describe('matchReasons', () => {
	it('names the Amsterdam day a candidate can start, whatever the server time zone', () => {
		const [doc] = randomProfileDocuments(1);
		const candidate = { ...doc, availableFrom: unixSeconds(amsterdamMidnight('2026-03-01')) };
		const state = searchStateFromParams(new URLSearchParams('beschikbaar=binnen-3-maanden'));
		const reasons = matchReasons(candidate, state, null, new Date('2026-01-15T12:00:00Z'));
		expect(reasons).toContain('Kan beginnen vanaf 1 maart 2026');
	});
});
