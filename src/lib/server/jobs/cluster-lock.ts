import type { Database } from '../db/database';

/** Held by start-up steps that write data (demo load, publication refresh). */
export const STARTUP_DATA_LOCK = 'start-up data';

// The first key of every lock taken here; migrations use a single-key lock of their own.
const LOCK_SPACE = 4242;

/**
 * Runs `work` while holding a PostgreSQL advisory lock named `name`: instances that get here together
 * wait for the first one and then run after it (start-up work such as the demo load, which checks first
 * whether there is anything to do). The lock is held on a reserved connection, so `work` uses the pool.
 * Embedded PGlite serves one process (its data directory is locked) over one connection: no lock there.
 */
export async function withClusterLock<T>(db: Database, name: string, work: () => Promise<T>): Promise<T> {
	if (db.embedded) return work();
	const reserved = await db.sql.reserve();
	try {
		await reserved`select pg_advisory_lock(${LOCK_SPACE}, hashtext(${name}))`;
		try {
			return await work();
		} finally {
			await reserved`select pg_advisory_unlock(${LOCK_SPACE}, hashtext(${name}))`;
		}
	} finally {
		reserved.release();
	}
}
