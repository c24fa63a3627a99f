import type { Sql } from '../db/database';
import { toCsv } from '../dashboards/csv';
import type { ImportCounts } from './run-import';

/** One line of the `imports` table as the admin pages show it. */
export interface ImportRecord extends ImportCounts {
	id: number;
	fileName: string;
	organisations: string[];
	/** The uploader's name (or e-mail when the account has no name yet); null for the command line. */
	userName: string | null;
	mode: 'incremental' | 'full';
	strict: boolean;
	status: 'running' | 'finished' | 'refused' | 'failed' | 'interrupted';
	message: string | null;
	startedAt: Date;
	finishedAt: Date | null;
}

const columns = (sql: Sql) => sql`
	i.id::int, i.file_name as "fileName", i.organisations, nullif(coalesce(nullif(u.name, ''), u.email), '') as "userName",
	i.mode, i.strict, i.status, i.message, i.rows_read as "rowsRead", i.rows_new as created,
	i.rows_updated as updated, i.rows_unchanged as unchanged, i.rows_rejected as rejected, i.withdrawn,
	i.unpublished, i.published, i.started_at as "startedAt", i.finished_at as "finishedAt"`;

export async function listImports(sql: Sql, limit = 50): Promise<ImportRecord[]> {
	return sql<ImportRecord[]>`
		select ${columns(sql)} from imports i left join users u on u.id = i.user_id
		order by i.id desc limit ${limit}`;
}

export async function getImport(sql: Sql, id: number): Promise<ImportRecord | null> {
	const [row] = await sql<ImportRecord[]>`
		select ${columns(sql)} from imports i left join users u on u.id = i.user_id where i.id = ${id}`;
	return row ?? null;
}

export interface RejectionLine {
	line: number;
	column: string;
	reason: string;
}

export async function listRejections(
	sql: Sql,
	importId: number,
	limit: number | null
): Promise<RejectionLine[]> {
	return sql<RejectionLine[]>`
		select line, column_name as column, reason from import_rejections
		where import_id = ${importId} order by line, column_name limit ${limit}`;
}

export function rejectionsCsv(rows: RejectionLine[]): string {
	return toCsv(
		['Regel', 'Kolom', 'Reden'],
		rows.map((r) => [r.line, r.column, r.reason])
	);
}
