import { hostname } from 'node:os';
import type { TransactionSql } from 'postgres';
import type { Sql } from '../db/database';

/** One rejected row's problem, as reported to the uploader and stored in `import_rejections`. */
export interface Rejection {
	line: number;
	column: string;
	reason: string;
}

export interface ImportCounts {
	rowsRead: number;
	created: number;
	updated: number;
	unchanged: number;
	rejected: number;
}

export async function startImportLog(
	sql: Sql,
	entry: { fileName: string; userId: string | null; full: boolean; strict: boolean }
): Promise<number> {
	await markInterrupted(sql);
	const [row] = await sql<{ id: string }[]>`
		insert into imports (file_name, user_id, mode, strict, host, pid)
		values (${entry.fileName}, ${entry.userId}, ${entry.full ? 'full' : 'incremental'}, ${entry.strict},
			${hostname()}, ${process.pid})
		returning id`;
	return Number(row.id);
}

/**
 * A killed import leaves its row 'running'. On this host a dead pid proves it; elsewhere a heartbeat
 * older than 15 minutes (every batch beats) does.
 */
async function markInterrupted(sql: Sql): Promise<void> {
	const running = await sql<{ id: string; host: string; pid: number | null; stale: boolean }[]>`
		select id, host, pid, heartbeat_at < now() - interval '15 minutes' as stale
		from imports where status = 'running'`;
	const here = hostname();
	const dead = running
		.filter((row) => row.stale || (row.host === here && row.pid !== null && !isAlive(row.pid)))
		.map((row) => Number(row.id));
	if (dead.length > 0) {
		await sql`
			update imports set status = 'interrupted', finished_at = now(),
				message = 'Import afgebroken voordat hij klaar was; een nieuwe import herstelt dit.'
			where id = any(${dead})`;
	}
}

function isAlive(pid: number): boolean {
	if (pid === process.pid) return true;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Called inside each batch's transaction, so the counts always match what was committed. */
export async function recordBatch(
	tx: TransactionSql,
	importId: number,
	counts: ImportCounts,
	rejections: Rejection[]
) {
	if (rejections.length > 0) {
		await tx`
			insert into import_rejections (import_id, line, column_name, reason)
			select ${importId}, * from unnest(${rejections.map((r) => r.line)}::int[],
				${rejections.map((r) => r.column)}::text[], ${rejections.map((r) => r.reason)}::text[])`;
	}
	await tx`
		update imports set rows_read = rows_read + ${counts.rowsRead}, rows_new = rows_new + ${counts.created},
			rows_updated = rows_updated + ${counts.updated}, rows_unchanged = rows_unchanged + ${counts.unchanged},
			rows_rejected = rows_rejected + ${counts.rejected}, heartbeat_at = now()
		where id = ${importId}`;
}

export async function finishImportLog(
	sql: Sql,
	importId: number,
	outcome: {
		status: 'finished' | 'refused' | 'failed';
		message?: string;
		organisations?: string[];
		withdrawn?: number;
		unpublished?: number;
		published?: number;
	}
) {
	await sql`
		update imports set status = ${outcome.status}, message = ${outcome.message ?? null},
			organisations = ${outcome.organisations ?? []}, withdrawn = ${outcome.withdrawn ?? 0},
			unpublished = ${outcome.unpublished ?? 0}, published = ${outcome.published ?? 0},
			finished_at = now(), heartbeat_at = now()
		where id = ${importId}`;
}
