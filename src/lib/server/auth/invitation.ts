import type { Clock } from '../clock';
import { refuse, type Refusal } from '../result';
import type { Sql } from '../db/database';
import { recordAudit } from '../audit';
import { invitationMail, roleLabels } from './auth-mail';
import { hashPassword, passwordProblem } from './password';
import { issueLink } from './link-mail';
import { hashToken } from './random';
import type { Role } from './session-user';
import { createUser, getUserByEmail } from './user';

export const INVITATION_VALID_MS = 7 * 24 * 60 * 60 * 1000;

export interface InvitationInput {
	email: string;
	role: Role;
	regionCode?: string | null;
	isCoordinator?: boolean;
	invitedBy: string | null;
}

export type InviteResult = { ok: true; userId: string; token: string } | Refusal<'email-taken'>;

/**
 * Creates the account without a password and issues a 7-day link. Inviting an address again while its
 * account has no password yet sends a fresh link (the old one stops working). `sendTo` = the site origin
 * to e-mail the link; leave it out to hand the link over yourself (the user:create script).
 */
export async function inviteUser(
	sql: Sql,
	clock: Clock,
	input: InvitationInput,
	sendTo?: { origin: string }
): Promise<InviteResult> {
	const now = clock.now();
	return sql.begin(async (tx): Promise<InviteResult> => {
		let user = await getUserByEmail(tx, input.email);
		if (user && (user.hasPassword || !user.active)) {
			return refuse('email-taken', 'Er is al een account met dit e-mailadres.', 'email');
		}
		user ??= await createUser(tx, {
			email: input.email,
			role: input.role,
			regionCode: input.regionCode ?? null,
			isCoordinator: input.isCoordinator ?? false
		});
		await tx`delete from invitations where user_id = ${user.id} and accepted_at is null`;
		const invitee = user;
		const token = await issueLink(tx, {
			table: 'invitations',
			userId: invitee.id,
			now,
			validMs: INVITATION_VALID_MS,
			columns: { invited_by: input.invitedBy },
			mail: sendTo
				? (link) => ({
						...invitationMail(`${sendTo.origin}/uitnodiging/${link}`, roleLabels[invitee.role]),
						to: invitee.email,
						kind: 'invitation',
						related: { type: 'user', id: invitee.id }
					})
				: null,
			audit: {
				userId: input.invitedBy,
				action: 'user-invited',
				subjectType: 'user',
				subjectId: invitee.id,
				details: { role: invitee.role, regionCode: invitee.regionCode }
			}
		});
		return { ok: true, userId: user.id, token };
	});
}

export interface OpenInvitation {
	userId: string;
	email: string;
	role: Role;
	regionName: string | null;
}

export async function getOpenInvitation(
	sql: Sql,
	clock: Clock,
	token: string
): Promise<OpenInvitation | null> {
	const [row] = await sql<{ id: string; email: string; role: Role; region_name: string | null }[]>`
		select u.id, u.email, u.role, r.name as region_name
		from invitations i join users u on u.id = i.user_id left join regions r on r.code = u.region_code
		where i.token_hash = ${hashToken(token)} and i.accepted_at is null and i.expires_at > ${clock.now()}
			and u.active and u.password_hash is null`;
	return row ? { userId: row.id, email: row.email, role: row.role, regionName: row.region_name } : null;
}

export type AcceptResult =
	{ ok: true; userId: string } | Refusal<'invalid-token' | 'invalid-name' | 'weak-password'>;

/** The invitee chooses their name and password; the link is then used up. Clicking it proved the address. */
export async function acceptInvitation(
	sql: Sql,
	clock: Clock,
	input: { token: string; name: string; password: string }
): Promise<AcceptResult> {
	const now = clock.now();
	const name = input.name.trim().replace(/\s+/g, ' ');
	return sql.begin(async (tx): Promise<AcceptResult> => {
		const [row] = await tx<{ user_id: string; email: string }[]>`
			select i.user_id, u.email from invitations i join users u on u.id = i.user_id
			where i.token_hash = ${hashToken(input.token)} and i.accepted_at is null and i.expires_at > ${now}
				and u.active and u.password_hash is null
			for update of i`;
		if (!row) return refuse('invalid-token', 'Deze uitnodiging werkt niet meer.');
		if (name.length < 2 || name.length > 100) {
			return refuse('invalid-name', 'Vul uw naam in (2 tot 100 tekens).', 'naam');
		}
		const problem = passwordProblem(input.password, row.email);
		if (problem) return refuse('weak-password', problem, 'wachtwoord');
		await tx`update users set name = ${name}, password_hash = ${await hashPassword(input.password)},
			email_verified_at = ${now} where id = ${row.user_id}`;
		await tx`update invitations set accepted_at = ${now} where token_hash = ${hashToken(input.token)}`;
		await recordAudit(tx, {
			userId: row.user_id,
			action: 'invitation-accepted',
			subjectType: 'user',
			subjectId: row.user_id
		});
		return { ok: true, userId: row.user_id };
	});
}
