import { describe, expect, it } from 'vitest';
import {
	addDays,
	amsterdamDay,
	amsterdamMidnight,
	amsterdamMonth,
	formatDay,
	formatInstant,
	isCalendarDay,
	localInstant,
	localParts,
	startOfAmsterdamDay
} from './time';

// These run twice (vitest projects tz-utc and tz-amsterdam): what a user reads must not depend on the
// time zone of the server or the browser.
describe('time in Amsterdam, on any machine', () => {
	it('runs under the time zone the project asks for', () => {
		expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(process.env.TZ ?? 'UTC');
	});

	it('shows midnight in Amsterdam as that day, not the evening before', () => {
		const march = amsterdamMidnight('2026-03-01');
		expect(march.toISOString()).toBe('2026-02-28T23:00:00.000Z');
		expect(formatInstant(march, 'date')).toBe('1 maart 2026');
		expect(amsterdamDay(march)).toBe('2026-03-01');
	});

	it('knows summer time', () => {
		expect(amsterdamMidnight('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
		expect(formatInstant(new Date('2026-07-01T08:00:00Z'), 'clock')).toBe('10:00');
		// The night the clocks go forward: 03:00 local is 01:00 UTC.
		expect(localInstant(2026, 3, 29, 180).toISOString()).toBe('2026-03-29T01:00:00.000Z');
	});

	it('names the day and month of an instant late in the UTC evening', () => {
		const at = new Date('2026-12-31T23:30:00Z');
		expect(amsterdamDay(at)).toBe('2027-01-01');
		expect(amsterdamMonth(at)).toBe('2027-01');
		expect(startOfAmsterdamDay(at).toISOString()).toBe('2026-12-31T23:00:00.000Z');
		expect(localParts(at)).toMatchObject({ year: 2027, month: 1, day: 1, weekday: 5 });
	});

	it('has one Dutch wording per kind of moment', () => {
		const at = new Date('2026-03-01T09:05:00Z');
		expect(formatInstant(at, 'deadline')).toBe('zondag 1 maart om 10:05');
		expect(formatInstant(at, 'dateTime')).toBe('1 maart 2026 om 10:05');
		expect(formatInstant(at.toISOString(), 'dateTimeShort')).toBe('01-03-2026, 10:05');
		expect(formatInstant(at, 'dayTime')).toBe('1 mrt, 10:05');
		expect(formatDay('2026-03-01', 'dateShort')).toBe('1 mrt 2026');
		expect(formatDay('2026-03', 'month')).toBe('maart 2026');
	});

	it('knows which days exist, so a typed 31 February is refused rather than moved to March', () => {
		expect(isCalendarDay('2026-02-28')).toBe(true);
		expect(isCalendarDay('2028-02-29')).toBe(true);
		expect(isCalendarDay('2026-02-29')).toBe(false);
		expect(isCalendarDay('2026-02-31')).toBe(false);
		expect(isCalendarDay('2026-13-01')).toBe(false);
		expect(isCalendarDay('0000-01-01')).toBe(false);
		expect(isCalendarDay('9999-12-31')).toBe(false);
		expect(isCalendarDay('1-3-2026')).toBe(false);
		expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
		expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
	});
});
