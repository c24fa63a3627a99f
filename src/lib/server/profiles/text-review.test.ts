import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csv, similarRows } from '../../../../tests/fixtures/import/csv-builder';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import { NO_REGION, oneRegion } from '../auth/scope';
import type { SessionUser } from '../auth/session-user';
import type { Database } from '../db/database';
import { runImport } from '../import/run-import';
import { getPublicProfile } from './queries';
import { listHeldTexts, reviewHeldText } from './text-review';

let db: Database;
let ref: string;
const adviser: SessionUser = {
	id: 'u1',
	email: 'a@wsp.example',
	name: 'A',
	role: 'wsp',
	regionCode: 'AM03',
	isCoordinator: false
};

beforeAll(async () => {
	db = await createTestDatabase();
	await db.sql`insert into users (id, email, name, role, region_code) values ('u1', 'a@wsp.example', 'A', 'wsp', 'AM03')`;
	// Six similar candidates in Emmen (Drenthe, AM03); one text mentions a phone number.
	const rows = similarRows(6, { gemeentecode: 'GM0114' });
	rows[0].profieltekst = 'Harde werker. Bel 06-12345678 voor meer informatie.';
	await runImport(db.sql, Readable.from([csv(rows)]), { fileName: 'test.csv', kAnonymity: 5 });
	const [row] = await db.sql`select public_ref from candidates where profile_text_state = 'review'`;
	ref = row.public_ref;
});
afterAll(() => db?.close());

describe('reviewing held-back profile texts', () => {
	it('shows the WSP team of the region the scrubbed text, and keeps it off the public profile', async () => {
		const held = await listHeldTexts(db.sql, oneRegion('AM03'));
		expect(held.map((h) => h.ref)).toEqual([ref]);
		expect(held[0].text).toContain('[telefoon]');
		expect(held[0].text).not.toContain('06-12345678');
		expect(await listHeldTexts(db.sql, oneRegion('AM22'))).toEqual([]);
		const profile = await getPublicProfile(db.sql, ref);
		expect(profile.status === 'published' && profile.document.summary).toBe('');
	});

	it('refuses to publish placeholders or an edit that still holds personal data', async () => {
		const base = {
			ref,
			decision: 'approved' as const,
			user: adviser,
			scope: oneRegion('AM03'),
			kAnonymity: 5
		};
		expect(await reviewHeldText(db.sql, { ...base, text: 'Harde werker. Bel [telefoon].' })).toEqual({
			ok: false,
			reason: 'placeholder'
		});
		const outcome = await reviewHeldText(db.sql, { ...base, text: 'Mail naar jan@voorbeeld.nl' });
		expect(outcome).toMatchObject({ ok: false, reason: 'still-personal' });
	});

	it('lets no adviser of another region decide', async () => {
		const outcome = await reviewHeldText(db.sql, {
			ref,
			decision: 'rejected',
			user: { ...adviser, regionCode: 'AM22' },
			scope: oneRegion('AM22'),
			kAnonymity: 5
		});
		expect(outcome).toEqual({ ok: false, reason: 'not-found' });
	});

	it('shows an adviser on no team nothing, and lets them decide nothing', async () => {
		expect(await listHeldTexts(db.sql, NO_REGION)).toEqual([]);
		const outcome = await reviewHeldText(db.sql, {
			ref,
			decision: 'approved',
			user: { ...adviser, regionCode: null },
			scope: NO_REGION,
			kAnonymity: 5
		});
		expect(outcome).toEqual({ ok: false, reason: 'not-found' });
	});

	it('publishes the edited text, records who did it, and updates the search index', async () => {
		const upserted: string[] = [];
		const outcome = await reviewHeldText(db.sql, {
			ref,
			decision: 'approved',
			text: 'Harde werker die graag in een team werkt.',
			user: adviser,
			scope: oneRegion('AM03'),
			kAnonymity: 5,
			index: { upsert: async (docs) => void upserted.push(...docs.map((d) => d.id)), remove: async () => {} }
		});
		expect(outcome).toEqual({ ok: true });
		const profile = await getPublicProfile(db.sql, ref);
		expect(profile.status === 'published' && profile.document.summary).toBe(
			'Harde werker die graag in een team werkt.'
		);
		expect(upserted).toContain(ref);
		const [audit] = await db.sql`select user_id, action from audit_log where subject_id = ${ref}`;
		expect(audit).toEqual({ user_id: 'u1', action: 'profile-text.approved' });
		expect(await listHeldTexts(db.sql, oneRegion('AM03'))).toEqual([]);
	});
});
