import { toCsv, type CsvValue } from '../dashboards/csv';
import { TABLE_COLUMNS, type PublishedTable } from './published-table';
import { HIDDEN_LABEL, type Cell } from '../dashboards/suppression';
import type { PublishedTrendPoint } from './trend';

const FOOTNOTE = `${HIDDEN_LABEL}: 1 tot en met 9 personen, of verborgen zodat een klein aantal niet terug te rekenen is.`;
const DEFINITION =
	'Geteld: ingeschreven, met open dienstverlening, in het doelgroepregister (banenafspraak of beschut werk). Met profiel: minstens één affiniteit, één beroepssector en één taaksoortvraag.';

const cell = (c: Cell): CsvValue => (c === null ? HIDDEN_LABEL : c);
const percent = (share: number | null): CsvValue => (share === null ? '' : Math.round(share * 1000) / 10);

/** The published table as a spreadsheet: one line per municipality or region, then the total. */
export function transparencyCsv(
	table: PublishedTable,
	firstColumn: 'Gemeente' | 'Arbeidsmarktregio',
	asOf: string
): string {
	const headers = ['Code', firstColumn, ...TABLE_COLUMNS.map((c) => c.label), 'Percentage met profiel'];
	const rows = [...table.rows, table.total].map((row) => [
		row.code,
		row.name,
		...row.cells.map(cell),
		percent(row.share)
	]);
	return toCsv(headers, rows, [FOOTNOTE, DEFINITION, `Stand: ${asOf}. Bron: Kandidatenverkenner.`]);
}

export function trendCsv(points: PublishedTrendPoint[]): string {
	const headers = ['Datum', 'Met profiel', 'Zonder profiel', 'Totaal', 'Percentage met profiel'];
	const rows = points.map((p) => [
		p.date,
		cell(p.withProfile),
		cell(p.withoutProfile),
		cell(p.total),
		percent(p.share)
	]);
	return toCsv(headers, rows, [FOOTNOTE, DEFINITION]);
}
