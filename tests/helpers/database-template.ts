import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { openDatabase } from '../../src/lib/server/db/database';
import { migrate } from '../../src/lib/server/db/migrate';

/**
 * One migrated template per test run. On a PostgreSQL server (DATABASE_URL) it is a template database
 * that every test copies with CREATE DATABASE ... TEMPLATE; embedded, it is a dump of a migrated PGlite
 * data directory that every test loads, so no test pays for initdb and migrations again.
 */
export interface Template {
	kind: 'postgres' | 'pglite';
	/** postgres: the template database name; pglite: the dump file. */
	ref: string;
}

export function serverUrl(database: string): string {
	const url = new URL(process.env.DATABASE_URL!);
	url.pathname = `/${database}`;
	return url.toString();
}

export function uniqueName(prefix: string): string {
	return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

export async function createTemplate(): Promise<{ template: Template; drop(): Promise<void> }> {
	if (process.env.DATABASE_URL) {
		const name = uniqueName('kv_template');
		const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database ${name}`);
		const db = await openDatabase({ databaseUrl: serverUrl(name), max: 1 });
		await migrate(db.sql);
		await db.close();
		return {
			template: { kind: 'postgres', ref: name },
			async drop() {
				await admin.unsafe(`drop database if exists ${name} with (force)`);
				await admin.end();
			}
		};
	}
	const db = await openDatabase({});
	await migrate(db.sql);
	await db.sql`checkpoint`;
	const dump = await db.pglite!.dumpDataDir('none');
	await db.close();
	const file = join(tmpdir(), `${uniqueName('kv-template')}.tar`);
	writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
	return { template: { kind: 'pglite', ref: file }, drop: async () => {} };
}
