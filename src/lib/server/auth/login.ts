import type { Clock } from '../clock';
import type { Sql } from '../db/database';
import { log } from '../log';
import { recordAudit } from '../audit';
import { hashPassword, verifyPasswordHash } from './password';
import { retryMessage, type LoginLimiter } from './rate-limit';
import type { Refusal } from '../result';
import { createSession, type Session } from './session';
import type { SessionUser } from './session-user';

export type LoginResult =
	| { ok: true; user: SessionUser; token: string; session: Session }
	| Refusal<'invalid'>
	| (Refusal<'throttled'> & { retryAt: Date });

export const INVALID_LOGIN_MESSAGE = 'E-mailadres of wachtwoord klopt niet.';

let dummyHash: Promise<string> | undefined;

/**
 * Checks the password and opens a session. Unknown addresses cost the same argon2 work as known ones,
 * and every failure gives the same answer, so the form does not reveal who has an account.
 */
export async function logIn(
	sql: Sql,
	clock: Clock,
	limiter: LoginLimiter,
	input: { email: string; password: string; clientAddress: string }
): Promise<LoginResult> {
	const allowance = await limiter.check(input.email, input.clientAddress);
	if (!allowance.allowed) {
		const { retryAt } = allowance;
		return { ok: false, reason: 'throttled', message: retryMessage(retryAt, clock.now()), retryAt };
	}

	const [row] = await sql<
		{
			id: string;
			email: string;
			name: string;
			role: SessionUser['role'];
			region_code: string | null;
			is_coordinator: boolean;
			password_hash: string;
		}[]
	>`
		select id, email, name, role, region_code, is_coordinator, password_hash
		from users
		where lower(email) = lower(${input.email.trim()}) and active and password_hash is not null`;
	dummyHash ??= hashPassword('not-a-password-of-anyone');
	const valid = await verifyPasswordHash(row?.password_hash ?? (await dummyHash), input.password);
	if (!row || !valid) {
		await limiter.recordFailure(input.email, input.clientAddress);
		log.warn('login failed');
		return { ok: false, reason: 'invalid', message: INVALID_LOGIN_MESSAGE };
	}
	await limiter.recordSuccess(input.email, input.clientAddress);
	const { token, session } = await createSession(sql, clock, row.id);
	await recordAudit(sql, {
		userId: row.id,
		action: 'user-logged-in',
		subjectType: 'user',
		subjectId: row.id
	});
	return {
		ok: true,
		token,
		session,
		user: {
			id: row.id,
			email: row.email,
			name: row.name,
			role: row.role,
			regionCode: row.region_code,
			isCoordinator: row.is_coordinator
		}
	};
}
