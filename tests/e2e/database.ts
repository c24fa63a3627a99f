import postgres from 'postgres';

/**
 * Direct database access for e2e assertions ("the counts agree with the database"). The app's database
 * is reachable only on a PostgreSQL server (an embedded one is owned by the app process), so these
 * checks run when DATABASE_URL is set, as in CI.
 */
export const e2eDatabaseUrl = process.env.E2E_DATABASE_URL || '';

export async function withDatabase<T>(work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
	const sql = postgres(e2eDatabaseUrl, { max: 1, onnotice: () => {} });
	try {
		return await work(sql);
	} finally {
		await sql.end();
	}
}
