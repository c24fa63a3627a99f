import { formatNumber } from '$lib/format';

/** Display helpers shared by the dashboard pages (browser-safe: no server imports). */
export const HIDDEN_LABEL = '<10';

export const formatCell = (n: number | null) => (n === null ? HIDDEN_LABEL : formatNumber(n));

const percentFormat = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 });
export const formatShare = (share: number | null) => (share === null ? '–' : percentFormat.format(share));

const dayFormat = new Intl.DateTimeFormat('nl-NL', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC'
});
/** A `YYYY-MM-DD` day as "3 maart 2026". */
export const formatDay = (day: string) => dayFormat.format(new Date(`${day}T00:00:00Z`));
