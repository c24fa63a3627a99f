import { describe, expect, it } from 'vitest';
import type { CandidateProfile } from './candidate-record';
import { isComplete, profileQuality } from './completeness';

const empty: CandidateProfile = {
	education: null,
	sectors: [],
	affinities: [],
	competences: [],
	experience: [],
	tasks: {},
	hoursMin: null,
	hoursMax: null,
	availableFrom: null,
	dayParts: [],
	travelKm: null,
	transport: [],
	licences: []
};

describe('profile quality (dashboard legend J/N/L/O)', () => {
	it.each<[string, Partial<CandidateProfile>, string, 'J' | 'N' | 'L' | 'O', boolean]>([
		['nothing recorded', {}, '', 'N', false],
		['only hours and a text', { hoursMin: 16 }, 'Tekst', 'L', false],
		['sectors only', { sectors: ['ict'] }, '', 'O', false],
		[
			'sectors and affinities, no task question',
			{ sectors: ['ict'], affinities: ['binnen'] },
			'',
			'O',
			false
		],
		[
			'all three parts; a task answered "nee" counts as registered',
			{ sectors: ['ict'], affinities: ['binnen'], tasks: { taak_01: 'nee' } },
			'',
			'J',
			true
		]
	])('%s', (_, profile, text, quality, complete) => {
		expect(profileQuality({ ...empty, ...profile }, text)).toBe(quality);
		expect(isComplete({ ...empty, ...profile })).toBe(complete);
	});
});
