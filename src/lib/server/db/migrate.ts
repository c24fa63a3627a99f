import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { config } from '../config';
import type { Sql } from './database';

// Any fixed number: every instance takes the same advisory lock, so two starting together do not race.
const MIGRATION_LOCK = 4_242_001;

export class MigrationError extends Error {
	constructor(
		readonly file: string,
		cause: unknown
	) {
		super(`Migration ${file} failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
			cause
		});
	}
}

export function migrationsDir(): string {
	return resolve(config().MIGRATIONS_DIR);
}

/**
 * Apply the `.sql` files of `dir` not yet recorded, in name order. Each file runs in its own transaction
 * that first takes a transaction-level advisory lock and re-checks the record, so instances starting
 * together apply every file exactly once, and a failing file leaves nothing of itself behind.
 */
export async function migrate(sql: Sql, dir = migrationsDir()): Promise<string[]> {
	const files = readdirSync(dir)
		.filter((name) => name.endsWith('.sql'))
		.sort();
	await sql.begin(async (tx) => {
		await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK})`;
		await tx`create table if not exists schema_migrations (
			name text primary key,
			applied_at timestamptz not null default now()
		)`;
	});
	const applied: string[] = [];
	for (const file of files) {
		const text = readFileSync(join(dir, file), 'utf8');
		try {
			const ran = await sql.begin(async (tx) => {
				await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK})`;
				const [done] = await tx<
					{ found: number }[]
				>`select 1 as found from schema_migrations where name = ${file}`;
				if (done) return false;
				await tx.unsafe(text);
				await tx`insert into schema_migrations (name) values (${file})`;
				return true;
			});
			if (ran) applied.push(file);
		} catch (error) {
			throw new MigrationError(file, error);
		}
	}
	return applied;
}
