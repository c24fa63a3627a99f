/**
 * Wall-clock time in Europe/Amsterdam without a date library: office hours and "uiterlijk dinsdag 10:00"
 * are local, while the database stores instants. Intl knows the daylight-saving rules.
 */
const TIME_ZONE = 'Europe/Amsterdam';

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

/** The instant at which Amsterdam clocks show `minuteOfDay` on the given date (day may overflow). */
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

const dutchFormat = new Intl.DateTimeFormat('nl-NL', {
	timeZone: TIME_ZONE,
	weekday: 'long',
	day: 'numeric',
	month: 'long',
	hour: '2-digit',
	minute: '2-digit'
});

const dutchDate = new Intl.DateTimeFormat('nl-NL', {
	timeZone: TIME_ZONE,
	day: 'numeric',
	month: 'long',
	year: 'numeric'
});

/** "dinsdag 14 januari om 10:00" */
export function formatDutchDateTime(at: Date): string {
	return dutchFormat.format(at);
}

/** "14 januari 2026" */
export function formatDutchDate(at: Date): string {
	return dutchDate.format(at);
}
