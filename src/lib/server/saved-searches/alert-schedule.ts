import { localInstant, localParts } from '$lib/time';

/** Alerts go out at 07:00 Dutch time: in the inbox before the working day starts. */
export const SEND_MINUTE_OF_DAY = 7 * 60;

export type AlertSchedule = 'daily' | 'weekly';

/**
 * The most recent scheduled moment at or before `now`: today's 07:00 (daily), or this week's Monday
 * 07:00 (weekly). A search is due when it has had no alert since that moment.
 */
export function latestSlot(schedule: AlertSchedule, now: Date): Date {
	const p = localParts(now);
	const beforeSendTime = p.minuteOfDay < SEND_MINUTE_OF_DAY;
	let daysBack: number;
	if (schedule === 'daily') daysBack = beforeSendTime ? 1 : 0;
	else {
		const sinceMonday = (p.weekday + 6) % 7;
		daysBack = sinceMonday === 0 && beforeSendTime ? 7 : sinceMonday;
	}
	return localInstant(p.year, p.month, p.day - daysBack, SEND_MINUTE_OF_DAY);
}
