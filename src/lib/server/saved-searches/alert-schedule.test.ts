import { describe, expect, it } from 'vitest';
import { latestSlot } from './alert-schedule';

describe('alert schedule (Europe/Amsterdam)', () => {
	it('is today 07:00 after seven, yesterday 07:00 before', () => {
		// 2026-03-04 is a Wednesday in winter time (UTC+1).
		expect(latestSlot('daily', new Date('2026-03-04T06:30:00Z')).toISOString()).toBe(
			'2026-03-04T06:00:00.000Z'
		);
		expect(latestSlot('daily', new Date('2026-03-04T05:59:00Z')).toISOString()).toBe(
			'2026-03-03T06:00:00.000Z'
		);
	});

	it('follows summer time', () => {
		expect(latestSlot('daily', new Date('2026-07-01T12:00:00Z')).toISOString()).toBe(
			'2026-07-01T05:00:00.000Z'
		);
	});

	it('is Monday 07:00 for weekly alerts', () => {
		// Wednesday: back to Monday 2 March.
		expect(latestSlot('weekly', new Date('2026-03-04T12:00:00Z')).toISOString()).toBe(
			'2026-03-02T06:00:00.000Z'
		);
		// Monday before seven: the Monday before.
		expect(latestSlot('weekly', new Date('2026-03-09T05:00:00Z')).toISOString()).toBe(
			'2026-03-02T06:00:00.000Z'
		);
		expect(latestSlot('weekly', new Date('2026-03-09T06:00:00Z')).toISOString()).toBe(
			'2026-03-09T06:00:00.000Z'
		);
	});
});
