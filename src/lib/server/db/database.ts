import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { EMBEDDED_MAX_CONNECTIONS, startEmbeddedServer, type EmbeddedServer } from './embedded';

export type Sql = postgres.Sql;
export type Tx = postgres.TransactionSql;
/**
 * Anything a query can run on: the pool or an open transaction. It is postgres.js's common base of both
 * (a union of the two would not be callable as a tag), so domain functions take a Queryable and run
 * inside their caller's transaction when given one. Only code that opens a transaction needs `Sql`.
 */
export type Queryable = postgres.ISql;

export interface Database {
	sql: Sql;
	/** True when running on the embedded PGlite database. */
	embedded: boolean;
	/** The embedded engine itself (embedded only), e.g. to dump a test template. */
	pglite?: PGlite;
	close(): Promise<void>;
}

export interface DatabaseOptions {
	/** A PostgreSQL server; when absent, an embedded database in `dataDir`. */
	databaseUrl?: string;
	/** Folder for the embedded database; undefined = in memory (tests). */
	dataDir?: string;
	/** Pool size on a real server. */
	max?: number;
	/** Embedded only: start from a dumped data directory (fast fresh test databases). */
	loadDataDir?: Blob;
}

export function connect(url: string, max: number): Sql {
	return postgres(url, {
		max,
		onnotice: () => {},
		connection: { application_name: 'kandidatenverkenner' },
		idle_timeout: 60
	});
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
	if (options.databaseUrl) {
		const sql = connect(options.databaseUrl, options.max ?? 10);
		return { sql, embedded: false, close: () => sql.end({ timeout: 5 }) };
	}
	const dataDir = options.dataDir ? resolve(options.dataDir, 'pglite') : undefined;
	const release = dataDir ? lockDataDir(dataDir) : () => {};
	let server: EmbeddedServer;
	try {
		server = await startEmbeddedServer(dataDir, { loadDataDir: options.loadDataDir });
	} catch (error) {
		release();
		throw error;
	}
	const sql = connect(server.url, EMBEDDED_MAX_CONNECTIONS);
	return {
		sql,
		embedded: true,
		pglite: server.db,
		async close() {
			await sql.end({ timeout: 5 });
			await server.stop();
			release();
		}
	};
}

/**
 * PGlite has no lock of its own; two processes on one data directory would corrupt it. A pid file makes
 * the second one stop with a clear message instead (a stale file of a dead process is taken over).
 */
/** Another process (usually the running app) holds the embedded database. */
export class DatabaseInUseError extends Error {
	constructor(
		readonly dataDir: string,
		readonly pid: number
	) {
		super(
			`The embedded database in ${dataDir} is in use by process ${pid}. Stop it first, or set DATABASE_URL.`
		);
	}
}

function lockDataDir(dataDir: string): () => void {
	mkdirSync(dataDir, { recursive: true });
	const lockFile = join(dataDir, '..', 'pglite.pid');
	if (existsSync(lockFile)) {
		const pid = Number(readFileSync(lockFile, 'utf8'));
		if (pid && pid !== process.pid && isAlive(pid)) {
			throw new DatabaseInUseError(dataDir, pid);
		}
	}
	writeFileSync(lockFile, String(process.pid));
	return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}
