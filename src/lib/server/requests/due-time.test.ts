import { describe, expect, it } from 'vitest';
import { computeDueAt, dueState } from './due-time';
import { DEFAULT_SETTINGS } from './settings';

const working = { ...DEFAULT_SETTINGS, dueMode: 'working_hours' as const };

describe('computeDueAt', () => {
	it('adds 24 calendar hours by default', () => {
		const due = computeDueAt(new Date('2026-01-09T15:00:00Z'), DEFAULT_SETTINGS);
		expect(due.toISOString()).toBe('2026-01-10T15:00:00.000Z');
	});

	it('counts only office hours across a weekend: Friday 16:00 + 24 h is Wednesday 14:30', () => {
		// Friday 9 January 2026 16:00 Amsterdam (UTC+1): 1 h on Friday, 8.5 h each on Monday and Tuesday.
		const due = computeDueAt(new Date('2026-01-09T15:00:00Z'), working);
		// 1 + 8.5 + 8.5 = 18 h by Tuesday 17:00; 6 h more on Wednesday: 14:30 Amsterdam = 13:30 UTC.
		expect(due.toISOString()).toBe('2026-01-14T13:30:00.000Z');
	});

	it('starts counting at 08:30 for a request sent at night or in the weekend', () => {
		const saturday = computeDueAt(new Date('2026-01-10T20:00:00Z'), { ...working, dueHours: 4 });
		expect(saturday.toISOString()).toBe('2026-01-12T11:30:00.000Z');
		const early = computeDueAt(new Date('2026-01-12T05:00:00Z'), { ...working, dueHours: 1 });
		expect(early.toISOString()).toBe('2026-01-12T08:30:00.000Z');
	});

	it('skips Dutch public holidays: Thursday before Easter 16:00 + 8 h is Tuesday after Easter', () => {
		// Thursday 2 April 2026 16:00 (UTC+2): 1 h; Good Friday counts; Easter Monday 6 April does not.
		const due = computeDueAt(new Date('2026-04-02T14:00:00Z'), { ...working, dueHours: 10 });
		// 1 h Thursday + 8.5 h Friday 3 April = 9.5 h; 0.5 h on Tuesday 7 April: 09:00 Amsterdam.
		expect(due.toISOString()).toBe('2026-04-07T07:00:00.000Z');
	});

	it('skips Koningsdag and Christmas', () => {
		const kings = computeDueAt(new Date('2026-04-24T15:00:00Z'), { ...working, dueHours: 1 });
		expect(kings.toISOString()).toBe('2026-04-28T07:30:00.000Z');
		const christmas = computeDueAt(new Date('2026-12-24T16:00:00Z'), { ...working, dueHours: 1 });
		expect(christmas.toISOString()).toBe('2026-12-28T08:30:00.000Z');
	});

	it('follows the change to summer time', () => {
		// Friday 27 March 2026 16:30 (UTC+1); clocks go forward on Sunday 29 March; Monday is UTC+2.
		const due = computeDueAt(new Date('2026-03-27T15:30:00Z'), { ...working, dueHours: 2 });
		expect(due.toISOString()).toBe('2026-03-30T08:00:00.000Z');
	});
});

describe('dueState', () => {
	const dueAt = new Date('2026-01-10T12:00:00Z');
	it('is late, soon, ok or done', () => {
		const request = { dueAt, doneAt: null };
		expect(dueState(request, new Date('2026-01-10T12:00:00Z'), 4)).toBe('late');
		expect(dueState(request, new Date('2026-01-10T09:00:00Z'), 4)).toBe('soon');
		expect(dueState(request, new Date('2026-01-10T07:00:00Z'), 4)).toBe('ok');
		expect(dueState({ ...request, doneAt: dueAt }, new Date('2026-01-11T00:00:00Z'), 4)).toBe('done');
	});
});
