/** Dutch formatting of numbers, dates and periods, the same on server and browser. */
import { formatInstant, fromUnixSeconds } from './time';

const numberFormat = new Intl.NumberFormat('nl-NL');

export const formatNumber = (n: number) => numberFormat.format(n);

/** A search-index date (unix seconds) as "1 maart 2026". */
export const formatDate = (seconds: number) => formatInstant(fromUnixSeconds(seconds), 'date');

export function formatHours(min: number, max: number): string {
	return min === max ? `${min} uur per week` : `${min} tot ${max} uur per week`;
}

export function formatAvailability(availableFrom: number, now = new Date()): string {
	return availableFrom * 1000 <= now.getTime()
		? 'Direct beschikbaar'
		: `Beschikbaar vanaf ${formatDate(availableFrom)}`;
}

export function formatDistance(metres: number): string {
	const km = Math.max(1, Math.round(metres / 1000));
	return `ongeveer ${formatNumber(km)} km`;
}

export function plural(n: number, one: string, many: string): string {
	return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** "Regio Drenthe", but not "Regio Regio Zwolle". */
export function regionLabel(name: string): string {
	return /^regio\b/i.test(name) ? name : `Regio ${name}`;
}
