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
let sensitiveRef: string;
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
	rows[1].profieltekst = 'Heeft autisme en werkte bij Bakkerij Jansen in Emmen.';
	rows[2].profieltekst = 'Gemotiveerd en werkt graag met mensen.';
	await runImport(db.sql, Readable.from([csv(rows)]), { fileName: 'test.csv', kAnonymity: 5 });
	const held = await db.sql`
		select public_ref, profile_text from candidates where profile_text_state = 'review'`;
	ref = held.find((r) => r.profile_text.includes('[telefoon]'))!.public_ref;
	sensitiveRef = held.find((r) => r.profile_text.includes('autisme'))!.public_ref;
});
afterAll(() => db?.close());

describe('reviewing held-back profile texts', () => {
	it('holds every text, even one the scrubber found nothing in, and keeps it off the public profile', async () => {
		const held = await listHeldTexts(db.sql, oneRegion('AM03'));
		expect(held).toHaveLength(6);
		const phone = held.find((h) => h.ref === ref)!;
		expect(phone.text).toContain('[telefoon]');
		expect(phone.text).not.toContain('06-12345678');
		const sensitive = held.find((h) => h.ref === sensitiveRef)!;
		expect(sensitive.findings).toEqual(
			expect.arrayContaining(['Gezondheid of diagnose', 'Werkgever met plaats', 'Plaatsnaam'])
		);
		expect(sensitive.parts.filter((p) => p.finding).map((p) => p.text)).toContain('autisme');
		for (const h of held) {
			const profile = await getPublicProfile(db.sql, h.ref);
			expect(profile.status === 'published' && profile.document.summary).toBe('');
		}
		expect(await listHeldTexts(db.sql, oneRegion('AM22'))).toEqual([]);
		const profile = await getPublicProfile(db.sql, ref);
		expect(profile.status === 'published' && profile.document.summary).toBe('');
	});

	it('publishes nothing with a finding unless confirmed, and never what the scrubber removes', async () => {
		const base = {
			ref,
			decision: 'approved' as const,
			user: adviser,
			scope: oneRegion('AM03'),
			kAnonymity: 5
		};
		expect(await reviewHeldText(db.sql, base)).toMatchObject({
			ok: false,
			reason: 'needs-confirmation',
			findings: ['Weggehaald gegeven']
		});
		const outcome = await reviewHeldText(db.sql, {
			...base,
			text: 'Mail naar jan@voorbeeld.nl',
			confirmed: true
		});
		expect(outcome).toMatchObject({ ok: false, reason: 'still-personal', text: 'Mail naar [e-mail]' });
		const profile = await getPublicProfile(db.sql, ref);
		expect(profile.status === 'published' && profile.document.summary).toBe('');
	});

	it('publishes a text with special-category terms only after an explicit, audited confirmation', async () => {
		const base = {
			ref: sensitiveRef,
			decision: 'approved' as const,
			user: adviser,
			scope: oneRegion('AM03'),
			kAnonymity: 5
		};
		expect(await reviewHeldText(db.sql, base)).toMatchObject({ ok: false, reason: 'needs-confirmation' });
		expect(await reviewHeldText(db.sql, { ...base, confirmed: true })).toEqual({ ok: true });
		const [audit] = await db.sql`
			select action, details from audit_log where subject_id = ${sensitiveRef}`;
		expect(audit.action).toBe('profile-text-approved');
		expect(audit.details).toMatchObject({ confirmed: true, edited: false });
		expect(audit.details.confirmedFindings).toContain('Gezondheid of diagnose');
	});

	it('lets no adviser of another region decide', async () => {
		const outcome = await reviewHeldText(db.sql, {
			ref,
			decision: 'rejected',
			user: { ...adviser, regionCode: 'AM22' },
			scope: oneRegion('AM22'),
			kAnonymity: 5
		});
		expect(outcome).toMatchObject({ ok: false, reason: 'not-found' });
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
		expect(outcome).toMatchObject({ ok: false, reason: 'not-found' });
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
		expect(audit).toEqual({ user_id: 'u1', action: 'profile-text-approved' });
		expect((await listHeldTexts(db.sql, oneRegion('AM03'))).map((h) => h.ref)).not.toContain(ref);
	});
});
