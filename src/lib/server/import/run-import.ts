import { createWriteStream, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import type { Sql } from '../db/database';
import { log } from '../log';
import { refreshPublicProfiles, DEFAULT_K } from '../profiles/publish';
import type { ProfileIndex } from '../profiles/search-index';
import { writeTransparencySnapshot } from '../transparency/snapshot';
import { ImportRefusedError, openCsv } from './csv-source';
import { finishImportLog, startImportLog, type Rejection } from './import-log';
import { importRows } from './import-rows';
import { checkRows } from './check-rows';
import { withdrawMissing } from './withdraw-missing';

export interface ImportProgress {
	phase: 'controleren' | 'importeren' | 'publiceren';
	rowsRead: number;
	/** Fraction of the file read (0..1), when the size is known. */
	fraction: number | null;
}

export interface ImportOptions {
	/** Only rows of this organisation ('UWV' or 'GMxxxx') are accepted; default: whatever the rows say. */
	organisation?: string;
	/** Candidates of the file's organisation(s) missing from the file are withdrawn (unpublished). */
	full?: boolean;
	/** Refuse the whole file on the first bad row; nothing changes. */
	strict?: boolean;
	fileName?: string;
	userId?: string | null;
	kAnonymity?: number;
	batchSize?: number;
	onProgress?: (progress: ImportProgress) => void;
	index?: ProfileIndex;
}

/** What an import did, row by row: the same counts in the summary, the history and the `imports` table. */
export interface ImportCounts {
	rowsRead: number;
	created: number;
	updated: number;
	unchanged: number;
	rejected: number;
	withdrawn: number;
	unpublished: number;
	published: number;
}

export interface ImportSummary extends ImportCounts {
	importId: number;
	status: 'finished' | 'refused';
	/** 'file': not an export we can read; 'row': strict mode met a bad row. */
	refusal?: 'file' | 'row';
	message?: string;
	organisations: string[];
	suppressed: number;
	/** The first 1000 problems; all of them are in `import_rejections`. */
	rejections: Rejection[];
	rejectionsTruncated: boolean;
}

const MAX_REPORTED = 1000;

/**
 * Imports one export file (docs/import-format.md): validates every row, writes batches in their own
 * transactions, withdraws missing candidates with `full`, recomputes the k-anonymous published set and
 * mirrors it to `index`. Used by `npm run import` and the admin upload page.
 */
export async function runImport(
	sql: Sql,
	input: Readable | string,
	options: ImportOptions = {}
): Promise<ImportSummary> {
	const fileName = options.fileName ?? (typeof input === 'string' ? basename(input) : 'upload.csv');
	const importId = await startImportLog(sql, {
		fileName,
		userId: options.userId ?? null,
		full: options.full ?? false,
		strict: options.strict ?? false
	});
	const summary = emptySummary(importId);
	let spooled: string | undefined;
	try {
		if (options.strict && typeof input !== 'string') {
			spooled = await spool(input);
			input = spooled;
		}
		const totalBytes = typeof input === 'string' ? statSync(input).size : null;
		const context = {
			postcodes: await loadPostcodes(sql),
			organisation: options.organisation?.toUpperCase()
		};
		const progress = (phase: ImportProgress['phase'], rowsRead: number, bytes: number) =>
			options.onProgress?.({
				phase,
				rowsRead,
				fraction: totalBytes ? Math.min(1, bytes / totalBytes) : null
			});

		if (options.strict) {
			const problems = await checkRows(await openCsv(input), context, (n, b) =>
				progress('controleren', n, b)
			);
			if (problems.length > 0) {
				summary.status = 'refused';
				summary.refusal = 'row';
				summary.message = `Bestand geweigerd: regel ${problems[0].line} is niet in orde; er is niets gewijzigd.`;
				summary.rejections = problems;
				summary.rejected = 1;
				await sql.begin(
					(tx) => tx`
					insert into import_rejections (import_id, line, column_name, reason)
					select ${importId}, * from unnest(${problems.map((p) => p.line)}::int[],
						${problems.map((p) => p.column)}::text[], ${problems.map((p) => p.reason)}::text[])`
				);
				await finishImportLog(sql, importId, { status: 'refused', message: summary.message });
				return summary;
			}
		}

		const source = await openCsv(input);
		const result = await importRows(sql, importId, source, context, {
			batchSize: options.batchSize ?? 1000,
			onRejections: (rejections) => {
				const room = MAX_REPORTED - summary.rejections.length;
				summary.rejections.push(...rejections.slice(0, Math.max(0, room)));
				if (rejections.length > room) summary.rejectionsTruncated = true;
			},
			onProgress: (n, b) => progress('importeren', n, b)
		});
		Object.assign(summary, result.counts);
		summary.organisations = context.organisation ? [context.organisation] : result.organisations;
		if (summary.rowsRead === 0)
			throw new ImportRefusedError('Het bestand bevat alleen een kopregel en geen kandidaten.');

		if (options.full && summary.organisations.length > 0) {
			summary.withdrawn = await withdrawMissing(sql, summary.organisations, result.seen);
		}
		progress('publiceren', summary.rowsRead, totalBytes ?? 0);
		const published = await refreshPublicProfiles(sql, {
			k: options.kAnonymity ?? DEFAULT_K,
			index: options.index
		});
		summary.unpublished = published.removed.length;
		summary.published = published.published;
		summary.suppressed = published.suppressed;
		await writeTransparencySnapshot(sql);
		await finishImportLog(sql, importId, {
			status: 'finished',
			organisations: summary.organisations,
			withdrawn: summary.withdrawn,
			unpublished: summary.unpublished,
			published: summary.published
		});
		log.info(
			{
				importId,
				rowsRead: summary.rowsRead,
				created: summary.created,
				updated: summary.updated,
				unchanged: summary.unchanged,
				rejected: summary.rejected,
				withdrawn: summary.withdrawn,
				unpublished: summary.unpublished
			},
			'import finished'
		);
		return summary;
	} catch (error) {
		if (error instanceof ImportRefusedError) {
			await finishImportLog(sql, importId, { status: 'refused', message: error.message });
			return { ...summary, status: 'refused', refusal: 'file', message: error.message };
		}
		// Driver messages can quote row values; keep them out of the table and the log.
		log.error({ importId, code: (error as { code?: string }).code }, 'import failed');
		await finishImportLog(sql, importId, {
			status: 'failed',
			message: 'De import is mislukt door een interne fout.'
		}).catch(() => {});
		throw error;
	} finally {
		if (spooled) rmSync(spooled, { force: true });
	}
}

function emptySummary(importId: number): ImportSummary {
	return {
		importId,
		status: 'finished',
		organisations: [],
		rowsRead: 0,
		created: 0,
		updated: 0,
		unchanged: 0,
		rejected: 0,
		withdrawn: 0,
		unpublished: 0,
		published: 0,
		suppressed: 0,
		rejections: [],
		rejectionsTruncated: false
	};
}

async function loadPostcodes(sql: Sql): Promise<Map<string, string>> {
	const rows = await sql<{ postcode4: string; municipality_code: string }[]>`
		select postcode4, municipality_code from postcode_areas`;
	return new Map(rows.map((row) => [row.postcode4, row.municipality_code]));
}

/** Strict mode reads a stream twice; a private temp file (removed afterwards) makes that possible. */
async function spool(input: Readable): Promise<string> {
	const file = join(tmpdir(), `kv-import-${randomBytes(8).toString('hex')}.csv`);
	await pipeline(input, createWriteStream(file, { mode: 0o600 }));
	return file;
}
