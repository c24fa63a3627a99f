/**
 * The one place for time: the service's time zone, the few ways it shows a moment in Dutch, and the
 * Amsterdam calendar (days, months, midnights). Office hours, deadlines and "available from" are local,
 * while the database and the search index store instants; Intl knows the daylight-saving rules, so no
 * date library is needed. Every function gives the same answer whatever time zone the machine (or the
 * browser) is in.
 */
export const TIME_ZONE = 'Europe/Amsterdam';

const dutch = (options: Intl.DateTimeFormatOptions) =>
	new Intl.DateTimeFormat('nl-NL', { timeZone: TIME_ZONE, ...options });

const styles = {
	/** "1 maart 2026" */
	date: dutch({ day: 'numeric', month: 'long', year: 'numeric' }),
	/** "1 mrt 2026" (tables) */
	dateShort: dutch({ dateStyle: 'medium' }),
	/** "1 maart 2026 om 10:00" */
	dateTime: dutch({ dateStyle: 'long', timeStyle: 'short' }),
	/** "01-03-2026 10:00" (tables of staff pages) */
	dateTimeShort: dutch({ dateStyle: 'short', timeStyle: 'short' }),
	/** "zondag 1 maart om 10:00": a promise or deadline, within the coming days */
	deadline: dutch({ weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }),
	/** "1 mrt, 10:00": recent events in a list */
	dayTime: dutch({ day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }),
	/** "10:00" */
	clock: dutch({ hour: '2-digit', minute: '2-digit' }),
	/** "maart 2026" */
	month: dutch({ month: 'long', year: 'numeric' })
} satisfies Record<string, Intl.DateTimeFormat>;

export type TimeStyle = keyof typeof styles;

/** A moment (a Date, or an ISO string as it arrives from serialised page data) in Dutch, Amsterdam time. */
export function formatInstant(at: Date | string, style: TimeStyle): string {
	return styles[style].format(typeof at === 'string' ? new Date(at) : at);
}

/** A calendar day `YYYY-MM-DD` (or a month `YYYY-MM`) in Dutch: "1 maart 2026", "maart 2026". */
export function formatDay(day: string, style: 'date' | 'dateShort' | 'month' = 'date'): string {
	return formatInstant(amsterdamMidnight(day.length === 7 ? `${day}-01` : day), style);
}

const partsFormat = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	weekday: 'short',
	hourCycle: 'h23'
});

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export interface LocalParts {
	year: number;
	month: number;
	day: number;
	/** 0 = Sunday .. 6 = Saturday */
	weekday: number;
	/** Minutes after local midnight, with seconds as a fraction. */
	minuteOfDay: number;
}

/** What Amsterdam clocks and calendars show at an instant. */
export function localParts(at: Date): LocalParts {
	const p = Object.fromEntries(partsFormat.formatToParts(at).map((x) => [x.type, x.value]));
	return {
		year: Number(p.year),
		month: Number(p.month),
		day: Number(p.day),
		weekday: WEEKDAYS.indexOf(p.weekday),
		minuteOfDay: Number(p.hour) * 60 + Number(p.minute) + Number(p.second) / 60
	};
}

/** The instant at which Amsterdam clocks show `minuteOfDay` on the given date (day and minute may overflow). */
export function localInstant(year: number, month: number, day: number, minuteOfDay: number): Date {
	const naive = Date.UTC(year, month - 1, day, 0, minuteOfDay);
	// Two passes settle the offset even on the day the clocks change.
	let guess = naive;
	for (let i = 0; i < 2; i++) {
		const p = localParts(new Date(guess));
		const shown = Date.UTC(p.year, p.month - 1, p.day, 0, Math.round(p.minuteOfDay));
		guess += naive - shown;
	}
	return new Date(guess);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The Amsterdam calendar day of an instant, as `YYYY-MM-DD`. */
export function amsterdamDay(at: Date): string {
	const p = localParts(at);
	return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whether `YYYY-MM-DD` is a day that exists (no 31 February), in a window of years that a person or a
 * database can mean: `Date.parse` accepts year 0 and rolls 2026-02-31 over to 3 March.
 */
export function isCalendarDay(day: string): boolean {
	const m = CALENDAR_DAY.exec(day);
	if (!m) return false;
	const [year, month, date] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (year < 1900 || year > 2199 || month < 1 || month > 12 || date < 1) return false;
	return date <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The calendar day `days` after (or before, when negative) a `YYYY-MM-DD` day. */
export function addDays(day: string, days: number): string {
	const [year, month, date] = day.split('-').map(Number);
	return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** The Amsterdam calendar month of an instant, as `YYYY-MM`. */
export const amsterdamMonth = (at: Date) => amsterdamDay(at).slice(0, 7);

// An import asks for the same few thousand days again and again: remember them (bounded).
const midnights = new Map<string, number>();

/** 00:00 in Amsterdam (CET or CEST as it falls) on a `YYYY-MM-DD` day. */
export function amsterdamMidnight(day: string): Date {
	let at = midnights.get(day);
	if (at === undefined) {
		const [year, month, date] = day.split('-').map(Number);
		at = localInstant(year, month, date, 0).getTime();
		if (midnights.size >= 20_000) midnights.clear();
		midnights.set(day, at);
	}
	return new Date(at);
}

/** 00:00 in Amsterdam on the day of `at`. */
export function startOfAmsterdamDay(at: Date): Date {
	const p = localParts(at);
	return localInstant(p.year, p.month, p.day, 0);
}

/** Whole seconds since 1970 (the unit of the search index's dates). */
export const unixSeconds = (at: Date) => Math.floor(at.getTime() / 1000);

/** A moment from unix seconds. */
export const fromUnixSeconds = (seconds: number) => new Date(seconds * 1000);
