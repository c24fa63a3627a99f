import { formatNumber } from '$lib/format';

/** Display helpers shared by the dashboard pages (browser-safe: no server imports). */
export const HIDDEN_LABEL = '<10';

export const formatCell = (n: number | null) => (n === null ? HIDDEN_LABEL : formatNumber(n));

const percentFormat = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 });
export const formatShare = (share: number | null) => (share === null ? '–' : percentFormat.format(share));

export { formatDay } from '$lib/time';
