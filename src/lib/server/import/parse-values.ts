/** Value parsers for the export format; each returns undefined for a value it cannot read. */

export function parseDate(value: string): string | undefined {
	const v = value.trim();
	let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(v);
	let y: number, mo: number, d: number;
	if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	else {
		m = /^(\d{1,2})-(\d{1,2})-(\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(v);
		if (!m) return undefined;
		[d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
	}
	const date = new Date(Date.UTC(y, mo - 1, d));
	if (y < 1900 || y > 2100 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
	return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const TRUE = new Set(['j', 'ja', '1']);
const FALSE = new Set(['n', 'nee', '0']);

export function parseBoolean(value: string): boolean | undefined {
	const v = value.trim().toLowerCase();
	if (TRUE.has(v)) return true;
	if (FALSE.has(v)) return false;
	return undefined;
}

export function parseList(value: string): string[] {
	return [
		...new Set(
			value
				.split('|')
				.map((item) => item.trim())
				.filter((item) => item !== '')
		)
	];
}

export function parseWholeNumber(value: string): number | undefined {
	const v = value.trim();
	return /^\d{1,6}$/.test(v) ? Number(v) : undefined;
}
