import type { Sql } from '../db/database';
import type { CandidateRecord } from '../profiles/candidate-record';
import { checkRow, type SeenRows } from './check-row';
import type { CsvSource } from './csv-source';
import { recordBatch, type ImportCounts, type Rejection } from './import-log';
import type { ValidationContext } from './validate-row';
import { writeBatch } from './write-batch';

export interface ImportRowsResult {
	counts: ImportCounts;
	organisations: string[];
	/** Every (organisation, klantnummer) in the file, valid or not: a bad row is no reason to withdraw. */
	seen: { organisation: string; klantnummer: string }[];
}

/**
 * The import pass: rows are validated as they stream in and written in batches, each batch with its
 * counts and rejections in ONE transaction, so a crash leaves whole batches or nothing of one.
 */
export async function importRows(
	sql: Sql,
	importId: number,
	source: CsvSource,
	context: ValidationContext,
	options: {
		batchSize: number;
		onRejections: (rejections: Rejection[]) => void;
		onProgress: (rowsRead: number, bytes: number) => void;
	}
): Promise<ImportRowsResult> {
	const seenRows: SeenRows = new Map();
	const seen: ImportRowsResult['seen'] = [];
	const total: ImportCounts = { rowsRead: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 };
	const organisations = new Set<string>();
	let batch: CandidateRecord[] = [];
	let rejections: Rejection[] = [];
	let batchRows = 0;
	let batchRejected = 0;
	let lastBytes = 0;

	const flush = async () => {
		if (batchRows === 0) return;
		const records = batch;
		const problems = rejections;
		const rowsRead = batchRows;
		const rejected = batchRejected;
		batch = [];
		rejections = [];
		batchRows = 0;
		batchRejected = 0;
		const counts = await sql.begin(async (tx) => {
			const written =
				records.length > 0 ? await writeBatch(tx, records) : { created: 0, updated: 0, unchanged: 0 };
			const counts: ImportCounts = {
				rowsRead,
				rejected,
				created: written.created,
				updated: written.updated,
				unchanged: written.unchanged
			};
			await recordBatch(tx, importId, counts, problems);
			return counts;
		});
		total.rowsRead += counts.rowsRead;
		total.created += counts.created;
		total.updated += counts.updated;
		total.unchanged += counts.unchanged;
		total.rejected += counts.rejected;
		if (problems.length > 0) options.onRejections(problems);
		options.onProgress(total.rowsRead, lastBytes);
	};

	for await (const row of source.rows) {
		batchRows++;
		lastBytes = row.bytes;
		const { result, rejections: problems } = checkRow(row, context, seenRows);
		if (result.ok) {
			batch.push(result.record);
			organisations.add(result.record.organisation);
			seen.push({ organisation: result.record.organisation, klantnummer: result.record.klantnummer });
		} else {
			batchRejected++;
			rejections.push(...problems);
			const organisation = row.get('organisatie').trim().toUpperCase();
			const klantnummer = row.get('klantnummer').trim();
			if (organisation && klantnummer) seen.push({ organisation, klantnummer });
		}
		if (batch.length >= options.batchSize || rejections.length >= options.batchSize) await flush();
	}
	await flush();
	return { counts: total, organisations: [...organisations].sort(), seen };
}
