const offsetFormat = new Intl.DateTimeFormat('en-US', {
	timeZone: 'Europe/Amsterdam',
	timeZoneName: 'shortOffset'
});

/** Unix seconds of 00:00 Europe/Amsterdam on a `YYYY-MM-DD` date (CET or CEST as it falls). */
export function amsterdamMidnight(date: string): number {
	const utcMidnight = Date.parse(`${date}T00:00:00Z`);
	const name = offsetFormat
		.formatToParts(new Date(utcMidnight))
		.find((part) => part.type === 'timeZoneName')!.value;
	const match = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name);
	const offsetMinutes = match
		? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0))
		: 0;
	return Math.floor(utcMidnight / 1000) - offsetMinutes * 60;
}
