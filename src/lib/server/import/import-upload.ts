import { rmSync } from 'node:fs';
import type { Sql } from '../db/database';
import { runImport, type ImportProgress, type ImportSummary } from './run-import';
import { log } from '../log';
import type { ProfileIndex } from '../profiles/search-index';

export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
/** Up to this size the upload waits for the result, so the next page shows the summary at once. */
export const WAIT_FOR_RESULT_BYTES = 2 * 1024 * 1024;

/** Something the uploader can fix; the message is Dutch and shown as is. */
export class UploadRefusedError extends Error {}

interface Job {
	progress: ImportProgress | null;
	summary: ImportSummary | null;
}
/** Progress lives only in the process that runs the import; the page falls back to the `imports` row. */
const jobs = new Map<number, Job>();
let running = false;

export function importProgress(importId: number): Job | undefined {
	return jobs.get(importId);
}

export interface UploadOptions {
	fileName: string;
	userId: string;
	full: boolean;
	strict: boolean;
	bytes: number;
	/** The configured K_ANONYMITY: an upload publishes by the same rule as the command line. */
	kAnonymity: number;
	index?: ProfileIndex;
}

/**
 * Starts the import of a spooled upload in the background and returns its id as soon as the `imports`
 * row exists. One upload at a time per process: two imports racing over the same candidates help nobody.
 * The temp file is removed when the import ends.
 */
export async function startUploadImport(sql: Sql, path: string, options: UploadOptions): Promise<number> {
	if (running) {
		rmSync(path, { force: true });
		throw new UploadRefusedError(
			'Er loopt al een import. Wacht tot die klaar is en probeer het dan opnieuw.'
		);
	}
	running = true;
	const job: Job = { progress: null, summary: null };
	let before: number;
	try {
		[{ before }] = await sql<{ before: number }[]>`select coalesce(max(id), 0)::int as before from imports`;
	} catch (error) {
		running = false;
		rmSync(path, { force: true });
		throw error;
	}
	const run = runImport(sql, path, {
		fileName: options.fileName,
		userId: options.userId,
		full: options.full,
		strict: options.strict,
		kAnonymity: options.kAnonymity,
		index: options.index,
		onProgress: (progress) => (job.progress = progress)
	});
	const finished = run
		.then((summary) => {
			job.summary = summary;
		})
		.catch(() => {
			// runImport has logged it and marked the row 'failed'; the page reads that.
		})
		.finally(() => {
			running = false;
			rmSync(path, { force: true });
		});
	const importId = await findImportId(sql, before, options.userId, finished);
	jobs.set(importId, job);
	log.info(
		{ importId, bytes: options.bytes, full: options.full, strict: options.strict },
		'import upload started'
	);
	if (options.bytes <= WAIT_FOR_RESULT_BYTES) await finished;
	void finished.then(() => setTimeout(() => jobs.delete(importId), 10 * 60_000).unref());
	return importId;
}

/** runImport creates its row first thing; it has no callback for the id, so look for the row. */
async function findImportId(
	sql: Sql,
	before: number,
	userId: string,
	finished: Promise<void>
): Promise<number> {
	let done = false;
	void finished.then(() => (done = true));
	for (;;) {
		const [row] = await sql<{ id: number }[]>`
			select id::int from imports where id > ${before} and user_id = ${userId} order by id limit 1`;
		if (row) return row.id;
		if (done) throw new Error('The import ended before its log row was written');
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}
