import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { sha256 } from '@oslojs/crypto/sha2';
import type { Clock } from '../clock';
import type { Queryable, Sql } from '../db/database';
import { generateSecureRandomString } from './random';
import type { SessionUser } from './session-user';

/**
 * Staff sessions end after 8 hours without a request (a working day with a long lunch still counts as
 * active) and at the latest 12 hours after log-in, so every shift starts with a fresh log-in and a
 * forgotten session on a shared PC does not last until the next morning.
 */
export const SESSION_INACTIVITY_TIMEOUT_MS = 8 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
// One database write per 10 minutes per session, not per request; idle time is measured at that grain.
export const SESSION_ACTIVITY_CHECK_INTERVAL_MS = 10 * 60 * 1000;

export interface Session {
	id: string;
	userId: string;
	createdAt: Date;
	lastVerifiedAt: Date;
	expiresAt: Date;
}

export interface SessionValidation {
	session: Session;
	user: SessionUser;
}

export function sessionExpiresAt(createdAt: Date, lastVerifiedAt: Date): Date {
	return new Date(
		Math.min(
			lastVerifiedAt.getTime() + SESSION_INACTIVITY_TIMEOUT_MS,
			createdAt.getTime() + SESSION_ABSOLUTE_TIMEOUT_MS
		)
	);
}

function hashSecret(secret: string): Uint8Array {
	return sha256(new TextEncoder().encode(secret));
}

/** The token (`id.secret`) goes into the cookie once; the database keeps only the secret's hash. */
export async function createSession(
	sql: Queryable,
	clock: Clock,
	userId: string
): Promise<{ token: string; session: Session }> {
	const now = clock.now();
	const id = generateSecureRandomString();
	const secret = generateSecureRandomString();
	await sql`insert into sessions (id, secret_hash, user_id, created_at, last_verified_at)
		values (${id}, ${Buffer.from(hashSecret(secret))}, ${userId}, ${now}, ${now})`;
	return {
		token: `${id}.${secret}`,
		session: { id, userId, createdAt: now, lastVerifiedAt: now, expiresAt: sessionExpiresAt(now, now) }
	};
}

const TOKEN_PART = /^[a-z2-7]{24}$/;

/** The session and its user, or null when the token is malformed, unknown, expired or of an inactive account. */
export async function validateSessionToken(
	sql: Sql,
	clock: Clock,
	token: string
): Promise<SessionValidation | null> {
	const [id, secret, ...rest] = token.split('.');
	if (rest.length || !TOKEN_PART.test(id ?? '') || !TOKEN_PART.test(secret ?? '')) return null;
	const [row] = await sql<
		{
			id: string;
			secret_hash: Uint8Array;
			user_id: string;
			created_at: Date;
			last_verified_at: Date;
			email: string;
			name: string;
			role: SessionUser['role'];
			region_code: string | null;
			is_coordinator: boolean;
			active: boolean;
		}[]
	>`
		select s.id, s.secret_hash, s.user_id, s.created_at, s.last_verified_at,
			u.email, u.name, u.role, u.region_code, u.is_coordinator, u.active
		from sessions s join users u on u.id = s.user_id
		where s.id = ${id}`;
	if (!row) return null;
	if (!constantTimeEqual(hashSecret(secret), new Uint8Array(row.secret_hash))) return null;
	const now = clock.now();
	const session: Session = {
		id: row.id,
		userId: row.user_id,
		createdAt: row.created_at,
		lastVerifiedAt: row.last_verified_at,
		expiresAt: sessionExpiresAt(row.created_at, row.last_verified_at)
	};
	if (!row.active || now >= session.expiresAt) {
		await invalidateSession(sql, session.id);
		return null;
	}
	if (now.getTime() - session.lastVerifiedAt.getTime() >= SESSION_ACTIVITY_CHECK_INTERVAL_MS) {
		await sql`update sessions set last_verified_at = ${now} where id = ${session.id}`;
		session.lastVerifiedAt = now;
		session.expiresAt = sessionExpiresAt(session.createdAt, now);
	}
	return {
		session,
		user: {
			id: row.user_id,
			email: row.email,
			name: row.name,
			role: row.role,
			regionCode: row.region_code,
			isCoordinator: row.is_coordinator
		}
	};
}

export async function invalidateSession(sql: Queryable, sessionId: string): Promise<void> {
	await sql`delete from sessions where id = ${sessionId}`;
}

/** Log out everywhere: also used when a password changes or an account is deactivated. */
export async function invalidateUserSessions(
	sql: Queryable,
	userId: string,
	options: { except?: string } = {}
): Promise<void> {
	await sql`delete from sessions where user_id = ${userId} and id <> ${options.except ?? ''}`;
}
