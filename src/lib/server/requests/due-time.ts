import { localInstant, localParts } from '$lib/time';
import { isDutchPublicHoliday } from './public-holidays';
import type { RequestSettings } from './settings';

const HOUR = 3_600_000;

/**
 * When first contact with the employer is due. In 'working_hours' mode only office time on Monday to
 * Friday counts, and Dutch public holidays do not.
 */
export function computeDueAt(createdAt: Date, settings: RequestSettings): Date {
	if (settings.dueMode === 'calendar') return new Date(createdAt.getTime() + settings.dueHours * HOUR);
	return addWorkingMinutes(createdAt, settings.dueHours * 60, settings);
}

function addWorkingMinutes(
	from: Date,
	total: number,
	{ workingDayStart, workingDayEnd }: Pick<RequestSettings, 'workingDayStart' | 'workingDayEnd'>
): Date {
	let remaining = total;
	let at = from;
	// A year of days is far beyond any configured promise; the bound only guards against a bad setting.
	for (let guard = 0; guard < 400; guard++) {
		const p = localParts(at);
		const dayOff = p.weekday === 0 || p.weekday === 6 || isDutchPublicHoliday(p.year, p.month, p.day);
		if (dayOff || p.minuteOfDay >= workingDayEnd) {
			at = localInstant(p.year, p.month, p.day + 1, workingDayStart);
			continue;
		}
		if (p.minuteOfDay < workingDayStart) {
			at = localInstant(p.year, p.month, p.day, workingDayStart);
			continue;
		}
		const left = workingDayEnd - p.minuteOfDay;
		if (remaining <= left) return new Date(at.getTime() + remaining * 60_000);
		remaining -= left;
		at = localInstant(p.year, p.month, p.day + 1, workingDayStart);
	}
	throw new Error('working-hours due time did not converge; check request_settings');
}

export type DueState = 'done' | 'late' | 'soon' | 'ok';

/** The badge of a case or task: done, overdue, due within `soonHours`, or on time. */
export function dueState(item: { dueAt: Date; doneAt: Date | null }, now: Date, soonHours: number): DueState {
	if (item.doneAt) return 'done';
	const left = item.dueAt.getTime() - now.getTime();
	if (left <= 0) return 'late';
	return left <= soonHours * HOUR ? 'soon' : 'ok';
}
