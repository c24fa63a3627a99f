import { randomBytes } from 'node:crypto';
import type { ProfileDocument } from '$search/document';
import type { SessionUser } from '../auth/session-user';
import type { Sql } from '../db/database';
import { REGION_A, testDocument, testRef } from '../requests/test-fixtures';

/** Fixtures for the saved-search tests; not used by the application. */
export async function insertIntermediary(
	sql: Sql,
	input: { approved?: boolean; verified?: boolean; registered?: boolean } = {}
): Promise<SessionUser> {
	const id = randomBytes(12).toString('hex');
	const email = `${id}@bureau.example`;
	const name = `Jobcoach ${id.slice(0, 4)}`;
	await sql`
		insert into users (id, email, name, role, password_hash, organisation, kvk, email_verified_at, approved_at)
		values (${id}, ${email}, ${name}, 'intermediair', 'not-a-real-hash', 'Bureau Werkt', '12345678',
			${input.verified === false ? null : new Date()}, ${input.approved === false ? null : new Date()})`;
	if (input.registered !== false) {
		await sql`insert into registrations (user_id, kind, consented_at, created_at)
			values (${id}, 'intermediair', now(), now())`;
	}
	return { id, email, name, role: 'intermediair', regionCode: null, isCoordinator: false };
}

/** A public document published at `publishedAt` (a Date), with fields overridden as given. */
export function publishedDocument(
	publishedAt: Date,
	overrides: Partial<ProfileDocument> = {},
	region = REGION_A
): ProfileDocument {
	const ref = overrides.id ?? testRef();
	return {
		...testDocument(ref, region),
		publishedAt: Math.floor(publishedAt.getTime() / 1000),
		...overrides,
		id: ref
	};
}
