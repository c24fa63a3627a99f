/**
 * The coarse values a profile is published with (docs/privacy.md, "Wat gepubliceerd wordt"): shared by
 * the anonymiser on the server and the labels of the search and profile pages.
 */

/** Hours bands: `max` is inclusive; a candidate's band is the one that holds the middle of their range. */
export const HOURS_BANDS = [
	{ code: 'tot-12', min: 0, max: 12, label: 'Tot 12 uur per week' },
	{ code: '12-20', min: 12, max: 20, label: '12 tot 20 uur per week' },
	{ code: '20-28', min: 20, max: 28, label: '20 tot 28 uur per week' },
	{ code: '28-36', min: 28, max: 36, label: '28 tot 36 uur per week' },
	{ code: '36-plus', min: 36, max: 60, label: '36 uur of meer per week' }
] as const;
/** What k-anonymity may fall back to; each contains whole fine bands. */
export const HOURS_BANDS_COARSE = [
	{ code: 'tot-20', min: 0, max: 20, label: 'Tot 20 uur per week' },
	{ code: '20-plus', min: 20, max: 60, label: '20 uur of meer per week' }
] as const;
export const HOURS_UNKNOWN = { code: 'onbekend', min: 0, max: 60, label: 'Niet vermeld' } as const;
export interface HoursBand {
	code: string;
	min: number;
	max: number;
	label: string;
}
export const ALL_HOURS_BANDS: readonly HoursBand[] = [...HOURS_BANDS, ...HOURS_BANDS_COARSE, HOURS_UNKNOWN];

/** Availability categories in days from the day of publication (inclusive upper bounds); never a date. */
export const AVAILABILITY_CATEGORIES = [
	{ code: 'direct', days: 0, label: 'Direct beschikbaar' },
	{ code: 'binnen-1-maand', days: 31, label: 'Beschikbaar binnen 1 maand' },
	{ code: 'binnen-3-maanden', days: 92, label: 'Beschikbaar binnen 3 maanden' },
	{ code: 'later', days: Infinity, label: 'Beschikbaar over meer dan 3 maanden' }
] as const;
export const AVAILABILITY_UNKNOWN = { code: 'onbekend', label: 'Beschikbaarheid niet vermeld' } as const;

/**
 * Which published categories satisfy a search for "available by then". A profile generalised to
 * "binnen 3 maanden" is not claimed to be available directly: never over-claim.
 */
export const AVAILABILITY_MATCHES: Record<string, readonly string[]> = {
	direct: ['direct'],
	'binnen-1-maand': ['direct', 'binnen-1-maand'],
	'binnen-3-maanden': ['direct', 'binnen-1-maand', 'binnen-3-maanden'],
	later: ['later']
};

export function availabilityLabel(code: string): string {
	return AVAILABILITY_CATEGORIES.find((c) => c.code === code)?.label ?? AVAILABILITY_UNKNOWN.label;
}

export function hoursLabel(code: string): string {
	return ALL_HOURS_BANDS.find((b) => b.code === code)?.label ?? HOURS_UNKNOWN.label;
}

/** Weekday parts of the day, and one code for any weekend day part. */
export const DAY_PARTS = [
	{ code: 'ochtend', label: 'Doordeweeks ochtend' },
	{ code: 'middag', label: 'Doordeweeks middag' },
	{ code: 'avond', label: 'Doordeweeks avond' },
	{ code: 'weekend', label: 'In het weekend' }
] as const;

/** Auto and scooter, once licence categories are withheld: either would give the category away. */
export const MOTORISED = { code: 'gemotoriseerd', label: 'Auto, scooter of brommer' } as const;

const MONTHS = [
	'januari',
	'februari',
	'maart',
	'april',
	'mei',
	'juni',
	'juli',
	'augustus',
	'september',
	'oktober',
	'november',
	'december'
];

/** "november 2026", "4e kwartaal 2026", "2026", or '' for a period that is not published. */
export function periodLabel(period: string): string {
	const month = /^(\d{4})-(\d{2})$/.exec(period);
	if (month) return `${MONTHS[Number(month[2]) - 1]} ${month[1]}`;
	const quarter = /^(\d{4})-K([1-4])$/.exec(period);
	if (quarter) return `${quarter[2]}e kwartaal ${quarter[1]}`;
	return period;
}
