import type { CsvRow } from './csv-source';
import type { Rejection } from './import-log';
import { validateRow, type RowResult, type ValidationContext } from './validate-row';

/** Where each (organisation, klantnummer) was first seen in this file: a second row for it is refused. */
export type SeenRows = Map<string, number>;

export function seenKey(organisation: string, klantnummer: string): string {
	return `${organisation}\u0000${klantnummer}`;
}

/** Validates one row in file context (field count, duplicates) and reports problems with its line. */
export function checkRow(
	row: CsvRow,
	context: ValidationContext,
	seen: SeenRows
): { result: RowResult; rejections: Rejection[] } {
	if (row.fieldCountProblem) {
		const problems = [{ column: '(rij)', reason: row.fieldCountProblem }];
		return { result: { ok: false, problems }, rejections: problems.map((p) => ({ line: row.line, ...p })) };
	}
	let result = validateRow(row.get, context);
	if (result.ok) {
		const key = seenKey(result.record.organisation, result.record.klantnummer);
		const earlier = seen.get(key);
		if (earlier !== undefined) {
			result = {
				ok: false,
				problems: [{ column: 'klantnummer', reason: `Dit klantnummer staat al op regel ${earlier}.` }]
			};
		} else seen.set(key, row.line);
	}
	return {
		result,
		rejections: result.ok ? [] : result.problems.map((p) => ({ line: row.line, ...p }))
	};
}
