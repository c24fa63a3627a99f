import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, type AuditRecord } from './audit';
import { auditLine } from './audit-view';

const record = (over: Partial<AuditRecord>): AuditRecord => ({
	id: '1',
	at: new Date('2026-03-01T09:00:00Z'),
	userId: 'u1',
	userName: 'Fatima Jansen',
	action: 'interest-request-viewed',
	subjectType: 'interest_request',
	subjectId: '42',
	details: {},
	...over
});

describe('an audit line on /beheer/audit', () => {
	it('says in Dutch what happened, to what, and never shows a raw key or JSON', () => {
		const line = auditLine(
			record({
				action: 'interest-request-status-changed',
				details: { from: 'nieuw', to: 'in_behandeling', outcome: null }
			})
		);
		expect(line).toMatchObject({
			by: 'Fatima Jansen',
			action: 'Status van de aanvraag gewijzigd',
			subjectLabel: 'Aanvraag',
			subjectId: '42'
		});
		expect(line.details).toEqual([
			{ label: 'Van', value: 'Nieuw' },
			{ label: 'Naar', value: 'In behandeling' },
			{ label: 'Uitkomst', value: 'geen' }
		]);
		const shown = JSON.stringify([line.action, line.subjectLabel, line.details]);
		expect(shown).not.toMatch(/interest[-_]request|in_behandeling|\\"\{/);
	});

	it('shows yes/no for flags and the role in words', () => {
		const line = auditLine(
			record({
				action: 'user-invited',
				subjectType: 'user',
				details: { role: 'wsp', regionCode: 'AM03', isCoordinator: true }
			})
		);
		expect(line.action).toBe('Uitgenodigd');
		expect(line.details).toEqual([
			{ label: 'Rol', value: 'WSP-adviseur' },
			{ label: 'Regio', value: 'AM03' },
			{ label: 'Coördinator', value: 'ja' }
		]);
	});

	it('has Dutch words for every action the code can record', () => {
		for (const [action, label] of Object.entries(AUDIT_ACTIONS)) {
			expect({ action, label: auditLine(record({ action })).action }).toEqual({ action, label });
			expect(label).not.toMatch(/[_.]|^[a-z]+(-[a-z]+)+$/);
		}
	});

	it('marks a stored name no code writes any more, rather than hiding it', () => {
		expect(auditLine(record({ action: 'iets-ouds', userName: null, userId: null }))).toMatchObject({
			action: 'Onbekende actie (iets-ouds)',
			by: 'systeem'
		});
	});
});

describe('the renaming of stored audit actions (migrations/0610)', () => {
	it('gives rows written under the old names the new names, so they show in Dutch', async () => {
		const { readFileSync } = await import('node:fs');
		const { createTestDatabase } = await import('../../../tests/helpers/test-database');
		const { listAudit } = await import('./audit');
		const db = await createTestDatabase();
		try {
			for (const action of ['interest_request.view', 'worklist.export', 'login']) {
				await db.sql`insert into audit_log (user_id, action, subject_type, subject_id)
					values (null, ${action}, 'region', 'AM03')`;
			}
			await db.sql.unsafe(readFileSync('migrations/0610_audit_action_names.sql', 'utf8'));
			const lines = (await listAudit(db.sql, { subjectType: 'region', subjectId: 'AM03' })).map(auditLine);
			expect(lines.map((l) => l.action).sort()).toEqual([
				'Aanvraag bekeken',
				'Ingelogd',
				'Werklijst gedownload'
			]);
		} finally {
			await db.close();
		}
	});
});
