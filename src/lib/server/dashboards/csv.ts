/**
 * CSV the way a Dutch spreadsheet opens it with a double click: a byte order mark so Excel reads UTF-8,
 * `;` because Dutch Excel uses the comma as decimal separator, CRLF line ends, and quotes only where a
 * value needs them.
 */
export type CsvValue = string | number | null | undefined;

const BOM = '\uFEFF';

function field(value: CsvValue): string {
	if (value === null || value === undefined) return '';
	const text = typeof value === 'number' ? formatCsvNumber(value) : value;
	// A leading = + - @ makes a spreadsheet run the text as a formula; a quote mark stops it.
	const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
	return /[;"\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Whole numbers without thousands separator, fractions with a decimal comma: both parse as numbers. */
export function formatCsvNumber(n: number): string {
	return Number.isInteger(n) ? String(n) : String(n).replace('.', ',');
}

export function toCsv(headers: string[], rows: CsvValue[][], footnotes: string[] = []): string {
	const lines = [headers, ...rows].map((row) => row.map(field).join(';'));
	// A blank line keeps notes apart from the data for whoever filters the sheet.
	if (footnotes.length > 0) lines.push('', ...footnotes.map((note) => field(note)));
	return BOM + lines.join('\r\n') + '\r\n';
}

/** A download response; the file name must be plain ASCII (codes and dates only). */
export function csvResponse(fileName: string, body: string): Response {
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${fileName}"`,
			'cache-control': 'no-store'
		}
	});
}
