import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedEngine } from '../../../../search/index';
import type { SearchEngine } from '$search/engine';
import { startTestSmtpServer, type TestSmtpServer } from '../../../../tests/helpers/smtp-server';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import { fakeClock } from '../clock';
import type { Database } from '../db/database';
import { createSmtpTransport, type MailTransport } from '../mail/transport';
import { processOutbox } from '../mail/worker';
import { REGION_A, REGION_B } from '../requests/test-fixtures';
import { ALERT_MAX_CANDIDATES, runDueAlerts } from './alerts';
import { createSavedSearch, getSavedSearch, setAlertFrequency } from './saved-search-store';
import { insertIntermediary, publishedDocument } from './test-fixtures';
import { unsubscribe } from './unsubscribe';

const origin = 'https://kv.example';
let db: Database;
let smtp: TestSmtpServer;
let transport: MailTransport;
let engine: SearchEngine;

beforeAll(async () => {
	db = await createTestDatabase();
	smtp = await startTestSmtpServer();
	transport = createSmtpTransport(smtp.url, 'noreply@kv.example');
});
afterAll(async () => {
	transport?.close();
	await smtp?.stop();
	await db?.close();
});

// Monday 2 March 2026, 09:00 in Amsterdam (winter time, UTC+1).
const clock = fakeClock('2026-03-02T08:00:00Z');
const HOUR = 3600_000;
const at = (iso: string) => new Date(iso);

async function deliverAll(): Promise<void> {
	while ((await processOutbox(db.sql, transport, clock)).sent > 0);
}

const refsIn = (text: string) =>
	[...new Set(text.match(/KV-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/g) ?? [])].sort();
const alertsTo = (email: string) => smtp.messages.filter((m) => m.to && JSON.stringify(m.to).includes(email));

describe('saved search alerts', () => {
	it('mails exactly the new matching candidates once, on schedule, and stops after unsubscribing', async () => {
		const old = publishedDocument(at('2026-02-01T10:00:00Z'));
		engine = createEmbeddedEngine({ documents: [old] });
		const user = await insertIntermediary(db.sql);
		const saved = await createSavedSearch(db.sql, clock, {
			userId: user.id,
			name: 'Logistiek Utrecht',
			query: `regio=${REGION_A.code}`
		});
		if (!saved.ok) throw new Error('expected a saved search');
		const id = saved.search.id;
		await setAlertFrequency(db.sql, clock, { userId: user.id, id, frequency: 'daily' });

		// Published later the same morning: two in the search's region, one elsewhere.
		const matching = [
			publishedDocument(at('2026-03-02T10:00:00Z')),
			publishedDocument(at('2026-03-02T10:30:00Z'))
		];
		const elsewhere = publishedDocument(at('2026-03-02T10:00:00Z'), {}, REGION_B);
		await engine.upsert([...matching, elsewhere]);

		// Not due before the next 07:00.
		clock.set('2026-03-02T15:00:00Z');
		expect((await runDueAlerts(db.sql, engine, clock, { origin })).mailed).toBe(0);

		// Tuesday 07:05: due. Two runs at once (two app instances) still send one mail.
		clock.set('2026-03-03T06:05:00Z');
		const runs = await Promise.all([
			runDueAlerts(db.sql, engine, clock, { origin }),
			runDueAlerts(db.sql, engine, clock, { origin })
		]);
		expect(runs.reduce((n, r) => n + r.mailed, 0)).toBe(1);
		// Queued with the RFC 8058 one-click headers, pointing at the same link as the text.
		const [queued] = await db.sql`
			select headers, text_body from mail_outbox
			where kind = 'saved-search-alert' and related_id = ${id}`;
		const link = /\/afmelden\/[a-z2-7]+/.exec(queued.text_body)![0];
		expect(queued.headers).toEqual({
			'List-Unsubscribe': `<${origin}${link}>`,
			'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
		});
		await deliverAll();
		const [first] = alertsTo(user.email);
		expect(refsIn(first.text ?? '')).toEqual(matching.map((d) => d.id).sort());
		expect(first.subject).toContain('2 nieuwe kandidaten');
		// Unfolded: long header lines are folded onto a second line in transit.
		const header = (name: string) =>
			first.headerLines.find((h) => h.key === name)?.line.replace(/\r\n\s+/g, ' ');
		expect(header('list-unsubscribe')).toBe(`List-Unsubscribe: <${origin}${link}>`);
		expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
		expect(first.text).toContain(`${origin}/kandidaten/${matching[0].id}`);
		const search = await getSavedSearch(db.sql, user.id, id);
		expect(search!.alertCursor).toBe(matching[1].publishedAt);

		// Same day again, and the next day with nothing new: no mail.
		expect((await runDueAlerts(db.sql, engine, clock, { origin })).mailed).toBe(0);
		clock.advance(24 * HOUR);
		expect((await runDueAlerts(db.sql, engine, clock, { origin })).mailed).toBe(0);

		// One more the day after: only that one is mailed.
		const later = publishedDocument(at('2026-03-04T12:00:00Z'));
		await engine.upsert([later]);
		clock.advance(24 * HOUR);
		expect((await runDueAlerts(db.sql, engine, clock, { origin })).mailed).toBe(1);
		await deliverAll();
		const second = alertsTo(user.email)[1];
		expect(refsIn(second.text ?? '')).toEqual([later.id]);

		// The link in the first mail still works, without logging in.
		const token = /\/afmelden\/([a-z2-7]+)/.exec(first.text ?? '')![1];
		expect(await unsubscribe(db.sql, token)).toBe(true);
		await engine.upsert([publishedDocument(at('2026-03-05T12:00:00Z'))]);
		clock.advance(24 * HOUR);
		expect((await runDueAlerts(db.sql, engine, clock, { origin })).mailed).toBe(0);
		await deliverAll();
		expect(alertsTo(user.email)).toHaveLength(2);
	});

	it('queries the engine only for searches with something newer than their cursor', async () => {
		clock.set('2026-04-06T08:00:00Z');
		const user = await insertIntermediary(db.sql);
		const saved = await createSavedSearch(db.sql, clock, { userId: user.id, name: 'Alles', query: '' });
		if (!saved.ok) throw new Error('expected a saved search');
		await setAlertFrequency(db.sql, clock, { userId: user.id, id: saved.search.id, frequency: 'weekly' });
		let queries = 0;
		const counting: SearchEngine = {
			...engine,
			multiSearch: (request) => {
				queries += request.queries.length;
				return engine.multiSearch(request);
			}
		};
		clock.set('2026-04-13T06:30:00Z');
		await runDueAlerts(db.sql, counting, clock, { origin });
		// Only the high-water query: nothing was published after this search was saved.
		expect(queries).toBe(1);
	});

	it('lists at most the first 50 and says how many there are', async () => {
		clock.set('2026-05-04T08:00:00Z');
		const user = await insertIntermediary(db.sql);
		const saved = await createSavedSearch(db.sql, clock, {
			userId: user.id,
			name: 'Veel',
			query: `regio=${REGION_B.code}`
		});
		if (!saved.ok) throw new Error('expected a saved search');
		await setAlertFrequency(db.sql, clock, { userId: user.id, id: saved.search.id, frequency: 'daily' });
		const many = Array.from({ length: 60 }, (_, i) =>
			publishedDocument(new Date(Date.parse('2026-05-04T10:00:00Z') + i * 1000), {}, REGION_B)
		);
		await engine.upsert(many);
		clock.set('2026-05-05T06:01:00Z');
		await runDueAlerts(db.sql, engine, clock, { origin });
		await deliverAll();
		const [mail] = alertsTo(user.email);
		expect(mail.subject).toContain('60 nieuwe kandidaten');
		expect(refsIn(mail.text ?? '')).toHaveLength(ALERT_MAX_CANDIDATES);
		const search = await getSavedSearch(db.sql, user.id, saved.search.id);
		expect(search!.alertCursor).toBe(many[59].publishedAt);
	});

	it('sends nothing to an intermediary who is not approved', async () => {
		clock.set('2026-06-01T08:00:00Z');
		const user = await insertIntermediary(db.sql, { approved: false });
		const saved = await createSavedSearch(db.sql, clock, { userId: user.id, name: 'X', query: '' });
		if (!saved.ok) throw new Error('expected a saved search');
		await setAlertFrequency(db.sql, clock, { userId: user.id, id: saved.search.id, frequency: 'daily' });
		await engine.upsert([publishedDocument(at('2026-06-01T10:00:00Z'))]);
		clock.set('2026-06-02T06:01:00Z');
		await runDueAlerts(db.sql, engine, clock, { origin });
		await deliverAll();
		expect(alertsTo(user.email)).toHaveLength(0);
	});
});
