import { availabilityLabel, hoursLabel } from './reference/published-values';

/** Dutch formatting of numbers, dates and periods, the same on server and browser. */
import { formatInstant, fromUnixSeconds } from './time';

const numberFormat = new Intl.NumberFormat('nl-NL');

export const formatNumber = (n: number) => numberFormat.format(n);

/** A search-index date (unix seconds) as "1 maart 2026". */
export const formatDate = (seconds: number) => formatInstant(fromUnixSeconds(seconds), 'date');

/** Hours as published: the bounds of a band (0 to 60 when the band is not published). */
export function formatHours(min: number, max: number, band?: string): string {
	if (band !== undefined) return hoursLabel(band);
	if (min === 0 && max >= 60) return 'Uren niet vermeld';
	if (min === 0) return `Tot ${max} uur per week`;
	if (max >= 60) return `${min} uur of meer per week`;
	return min === max ? `${min} uur per week` : `${min} tot ${max} uur per week`;
}

/** Availability is published as a category, never a date. */
export function formatAvailability(category: string): string {
	return availabilityLabel(category);
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
