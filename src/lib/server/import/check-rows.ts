import type { CsvSource } from './csv-source';
import type { Rejection } from './import-log';
import { checkRow, type SeenRows } from './check-row';
import type { ValidationContext } from './validate-row';

/** Strict mode's first pass: reads the whole file and returns the problems of the first bad row. */
export async function checkRows(
	source: CsvSource,
	context: ValidationContext,
	onProgress: (rowsRead: number, bytes: number) => void
): Promise<Rejection[]> {
	const seen: SeenRows = new Map();
	let rowsRead = 0;
	for await (const row of source.rows) {
		rowsRead++;
		const { rejections } = checkRow(row, context, seen);
		if (rejections.length > 0) return rejections;
		if (rowsRead % 1000 === 0) onProgress(rowsRead, row.bytes);
	}
	return [];
}
