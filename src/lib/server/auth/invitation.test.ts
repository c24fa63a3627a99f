import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import { fakeClock } from '../clock';
import type { Database } from '../db/database';
import { acceptInvitation, getOpenInvitation, inviteUser } from './invitation';
import { logIn } from './login';
import { storeOn } from '../rate-limit/rate-limit';
import { defaultLoginLimits, LoginLimiter } from './rate-limit';
import { createUser, getUserById, listRegionTeam } from './user';

let db: Database;
let adminId: string;
beforeAll(async () => {
	db = await createTestDatabase();
	adminId = (
		await createUser(db.sql, {
			email: 'beheer@example.nl',
			name: 'Beheer',
			role: 'admin',
			password: 'beheer wachtwoord lang'
		})
	).id;
});
afterAll(() => db?.close());

const DAY = 24 * 60 * 60 * 1000;
const origin = 'https://kandidatenverkenner.example';

describe('invitations', () => {
	it('lets an invited adviser set name and password, join the team and log in', async () => {
		const clock = fakeClock('2025-03-03T08:00:00Z');
		const invite = await inviteUser(
			db.sql,
			clock,
			{
				email: 'nieuw@wsp-groningen.example',
				role: 'wsp',
				regionCode: 'AM01',
				isCoordinator: true,
				invitedBy: adminId
			},
			{ origin }
		);
		if (!invite.ok) throw new Error('invite failed');
		const [mail] =
			await db.sql`select to_address, text_body from mail_outbox where kind = 'invitation' and related_id = ${invite.userId}`;
		expect(mail.to_address).toBe('nieuw@wsp-groningen.example');
		expect(mail.text_body).toContain(`${origin}/uitnodiging/${invite.token}`);

		expect(await listRegionTeam(db.sql, 'AM01')).toEqual([]); // not on duty before accepting
		expect(await getOpenInvitation(db.sql, clock, invite.token)).toMatchObject({
			email: 'nieuw@wsp-groningen.example',
			role: 'wsp',
			regionName: expect.any(String)
		});

		clock.advance(6 * DAY);
		expect(
			await acceptInvitation(db.sql, clock, {
				token: invite.token,
				name: ' Fatima  el Amrani ',
				password: 'mijn eigen lange zin'
			})
		).toEqual({ ok: true, userId: invite.userId });
		expect(await getUserById(db.sql, invite.userId)).toMatchObject({
			name: 'Fatima el Amrani',
			hasPassword: true
		});
		expect(await listRegionTeam(db.sql, 'AM01')).toEqual([
			expect.objectContaining({ id: invite.userId, name: 'Fatima el Amrani', isCoordinator: true })
		]);
		const login = await logIn(db.sql, clock, new LoginLimiter(defaultLoginLimits, storeOn(db.sql)), {
			email: 'nieuw@wsp-groningen.example',
			password: 'mijn eigen lange zin',
			clientAddress: '192.0.2.1'
		});
		expect(login.ok).toBe(true);
		expect(
			await acceptInvitation(db.sql, clock, {
				token: invite.token,
				name: 'Iemand',
				password: 'een ander lang wachtwoord'
			})
		).toMatchObject({ ok: false, reason: 'invalid-token' });
	});

	it('expires after 7 days', async () => {
		const clock = fakeClock('2025-03-03T08:00:00Z');
		const invite = await inviteUser(db.sql, clock, {
			email: 'laat@example.nl',
			role: 'intermediair',
			invitedBy: adminId
		});
		if (!invite.ok) throw new Error('invite failed');
		clock.advance(7 * DAY);
		expect(await getOpenInvitation(db.sql, clock, invite.token)).toBeNull();
		expect(
			await acceptInvitation(db.sql, clock, {
				token: invite.token,
				name: 'Laat',
				password: 'mijn eigen lange zin'
			})
		).toMatchObject({ ok: false, reason: 'invalid-token' });
	});

	it('replaces the old link when the admin invites again, and refuses existing accounts', async () => {
		const clock = fakeClock('2025-03-03T08:00:00Z');
		const first = await inviteUser(db.sql, clock, {
			email: 'twee@example.nl',
			role: 'admin',
			invitedBy: adminId
		});
		const second = await inviteUser(db.sql, clock, {
			email: 'TWEE@example.nl',
			role: 'admin',
			invitedBy: adminId
		});
		if (!first.ok || !second.ok) throw new Error('invite failed');
		expect(second.userId).toBe(first.userId);
		expect(await getOpenInvitation(db.sql, clock, first.token)).toBeNull();
		expect(await getOpenInvitation(db.sql, clock, second.token)).not.toBeNull();
		expect(
			await inviteUser(db.sql, clock, { email: 'beheer@example.nl', role: 'admin', invitedBy: adminId })
		).toMatchObject({ ok: false, reason: 'email-taken' });
	});

	it('refuses a weak password and keeps the link usable', async () => {
		const clock = fakeClock('2025-03-03T08:00:00Z');
		const invite = await inviteUser(db.sql, clock, {
			email: 'pieter.bakker@example.nl',
			role: 'wsp',
			regionCode: 'AM05',
			invitedBy: adminId
		});
		if (!invite.ok) throw new Error('invite failed');
		expect(
			await acceptInvitation(db.sql, clock, {
				token: invite.token,
				name: 'Pieter',
				password: 'pieter.bakker1'
			})
		).toMatchObject({ ok: false, reason: 'weak-password' });
		expect(await getOpenInvitation(db.sql, clock, invite.token)).not.toBeNull();
	});
});
