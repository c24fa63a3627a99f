import { describe, expect, it } from 'vitest';
import { formatDistance, plural } from './format';

describe('Dutch counts and distances', () => {
	it('writes counts the Dutch way, singular for one', () => {
		expect(plural(1, 'kandidaat', 'kandidaten')).toBe('1 kandidaat');
		expect(plural(0, 'kandidaat', 'kandidaten')).toBe('0 kandidaten');
		expect(plural(4338, 'kandidaat', 'kandidaten')).toBe('4.338 kandidaten');
		expect(plural(12777, 'kandidaat', 'kandidaten')).toBe('12.777 kandidaten');
	});

	it('rounds a distance from a region centre to 5 km steps, one from a municipality to whole km', () => {
		expect(formatDistance(12_400)).toBe('ca. 12 km');
		expect(formatDistance(200)).toBe('ca. 1 km');
		expect(formatDistance(12_400, true)).toBe('ca. 10 km');
		expect(formatDistance(1_000, true)).toBe('ca. 5 km');
	});
});
