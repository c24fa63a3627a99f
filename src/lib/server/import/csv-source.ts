import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { headerIndex, missingColumns, type RowReader } from './columns';

/** The file as a whole is not an export we can read; nothing was imported. */
export class ImportRefusedError extends Error {}

export interface CsvRow {
	/** Line in the file where the row starts (the header is line 1). */
	line: number;
	get: RowReader;
	/** Bytes of the file read so far (for progress). */
	bytes: number;
	/** Set when the row has another number of fields than the header. */
	fieldCountProblem?: string;
}

export interface CsvSource {
	delimiter: string;
	columns: string[];
	rows: AsyncGenerator<CsvRow>;
}

const HEAD_BYTES = 64 * 1024;

/**
 * Opens an export for streaming: checks that it is text in this format before reading any row, then
 * yields rows one at a time, so memory does not grow with the file. Unknown columns are never read.
 */
export async function openCsv(input: Readable | string): Promise<CsvSource> {
	const stream = typeof input === 'string' ? createReadStream(input) : input;
	const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
	let head = Buffer.alloc(0);
	while (head.length < HEAD_BYTES && !head.includes(0x0a)) {
		const next = await chunks.next();
		if (next.done) break;
		head = Buffer.concat([head, Buffer.from(next.value)]);
	}
	const firstLine = checkHead(head);
	const delimiter = firstLine.includes(';') ? ';' : firstLine.includes(',') ? ',' : ';';
	async function* rest() {
		yield head;
		for (;;) {
			const next = await chunks.next();
			if (next.done) return;
			yield Buffer.from(next.value);
		}
	}
	const parser = Readable.from(rest()).pipe(
		parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, info: true })
	);
	const records = parser[Symbol.asyncIterator]() as AsyncIterator<ParsedRecord>;
	const first = await nextRecord(records);
	if (!first) throw new ImportRefusedError('Het bestand is leeg: er staat geen kopregel in.');
	const columns = first.record.map((name) =>
		name
			.replace(/^\uFEFF/, '')
			.trim()
			.toLowerCase()
	);
	const index = headerIndex(columns);
	const missing = missingColumns(index);
	if (missing.length > 0) {
		throw new ImportRefusedError(
			`Dit is geen kandidatenexport in het afgesproken formaat: verplichte kolommen ontbreken (${missing.join(', ')}).`
		);
	}
	return { delimiter, columns, rows: readRows(records, index, columns.length, first.info) };
}

interface ParsedRecord {
	record: string[];
	info: { lines: number; empty_lines: number; bytes: number };
}

async function* readRows(
	records: AsyncIterator<ParsedRecord>,
	index: Map<string, number>,
	fieldCount: number,
	headerInfo: ParsedRecord['info']
): AsyncGenerator<CsvRow> {
	let lastLine = headerInfo.lines;
	let lastEmpty = headerInfo.empty_lines;
	for (;;) {
		const parsed = await nextRecord(records);
		if (!parsed) return;
		const { record, info } = parsed;
		const line = lastLine + 1 + (info.empty_lines - lastEmpty);
		lastLine = info.lines;
		lastEmpty = info.empty_lines;
		const get: RowReader = (column) => {
			const i = index.get(column);
			return i === undefined ? '' : (record[i] ?? '');
		};
		yield {
			line,
			get,
			bytes: info.bytes,
			fieldCountProblem:
				record.length === fieldCount
					? undefined
					: `De rij heeft ${record.length} velden, de kopregel ${fieldCount}.`
		};
	}
}

async function nextRecord(records: AsyncIterator<ParsedRecord>): Promise<ParsedRecord | undefined> {
	try {
		const next = await records.next();
		return next.done ? undefined : next.value;
	} catch (error) {
		const code = (error as { code?: string; lines?: number }).code ?? '';
		const line = (error as { lines?: number }).lines;
		throw new ImportRefusedError(
			`Het bestand is geen geldige CSV${line ? ` (rond regel ${line})` : ''}: ${csvProblem(code)}`
		);
	}
}

function csvProblem(code: string): string {
	if (code === 'CSV_QUOTE_NOT_CLOSED') return 'een aanhalingsteken wordt niet gesloten.';
	if (code.startsWith('CSV_INVALID_CLOSING_QUOTE') || code === 'CSV_INVALID_OPENING_QUOTE') {
		return 'een aanhalingsteken staat op een verkeerde plek.';
	}
	return 'de opbouw van het bestand klopt niet.';
}

/** Refuses what is clearly not a UTF-8 text export, with a message that says what it looks like. */
function checkHead(head: Buffer): string {
	const text = head.subarray(0, 4).toString('latin1');
	if (text.startsWith('PK\u0003\u0004')) {
		throw new ImportRefusedError(
			'Dit lijkt een Excel- of zip-bestand. Sla de export op als CSV (gescheiden door puntkomma’s) en probeer het opnieuw.'
		);
	}
	if (text.startsWith('%PDF')) throw new ImportRefusedError('Dit is een pdf, geen CSV-export.');
	if (head.includes(0))
		throw new ImportRefusedError('Dit is geen tekstbestand (het bevat binaire gegevens).');
	let decoded: string;
	try {
		decoded = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
	} catch {
		throw new ImportRefusedError(
			'Het bestand is niet in UTF-8 opgeslagen of bevat binaire gegevens. Sla de export op als CSV UTF-8.'
		);
	}
	const body = decoded.replace(/^\uFEFF/, '');
	if (body.trim() === '') throw new ImportRefusedError('Het bestand is leeg.');
	return body.split(/\r?\n/, 1)[0];
}
