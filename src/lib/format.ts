/** Dutch formatting of numbers, dates and periods, the same on server and browser. */
const numberFormat = new Intl.NumberFormat('nl-NL');
const dateFormat = new Intl.DateTimeFormat('nl-NL', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'Europe/Amsterdam'
});

export const formatNumber = (n: number) => numberFormat.format(n);

export const formatDate = (unixSeconds: number) => dateFormat.format(new Date(unixSeconds * 1000));

export function formatHours(min: number, max: number): string {
	return min === max ? `${min} uur per week` : `${min} tot ${max} uur per week`;
}

export function formatAvailability(availableFrom: number, now = new Date()): string {
	return availableFrom * 1000 <= now.getTime()
		? 'Direct beschikbaar'
		: `Beschikbaar vanaf ${formatDate(availableFrom)}`;
}

/**
 * A straight-line distance from a candidate's published location. A location generalised to the region
 * is its centre, which can lie far from where the candidate lives: such distances are given in 5 km steps.
 */
export function formatDistance(metres: number, fromRegionCentre = false): string {
	const step = fromRegionCentre ? 5 : 1;
	const km = Math.max(step, Math.round(metres / 1000 / step) * step);
	return `ca. ${formatNumber(km)} km`;
}

export function plural(n: number, one: string, many: string): string {
	return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** "Regio Drenthe", but not "Regio Regio Zwolle". */
export function regionLabel(name: string): string {
	return /^regio\b/i.test(name) ? name : `Regio ${name}`;
}

/** Short date and time in Dutch, Amsterdam time: "23-11-2026 17:45". */
export const dateTimeShort = new Intl.DateTimeFormat('nl-NL', {
	dateStyle: 'short',
	timeStyle: 'short',
	timeZone: 'Europe/Amsterdam'
});
