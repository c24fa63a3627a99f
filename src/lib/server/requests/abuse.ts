import { randomBytes } from 'node:crypto';
import { createChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { verify } from 'altcha-lib/frameworks/shared';
import { config } from '../config';
import type { Queryable } from '../db/database';
import type { PeriodicJob } from '../jobs/periodic';
import { accountKey } from '../rate-limit/address-and-account';
import { RateLimit } from '../rate-limit/rate-limit';

/**
 * Abuse protection without third parties. A hidden honeypot field catches simple bots. Per address and
 * per e-mail we count submissions: below the soft limit nothing is asked; from the soft limit on, the
 * form asks for an altcha proof of work (a few seconds of computing in the browser, no tracking); at the
 * hard limit submissions stop until the window has passed. The counters are shared by all instances.
 */
export const HONEYPOT_FIELD = 'website';
export const ALTCHA_FIELD = 'altcha';

const HOUR = 3600;
export const LIMITS = {
	address: { soft: 3, hard: 10, seconds: HOUR },
	email: { soft: 2, hard: 5, seconds: 24 * HOUR }
};

// ALTCHA_HMAC_KEY keeps challenges valid across restarts and instances; without it a per-process key
// is made, so a challenge issued just before a restart fails once and the form simply asks again.
let key: string | undefined;
const hmacKey = () => (key ??= config().ALTCHA_HMAC_KEY || randomBytes(32).toString('hex'));
const CHALLENGE_VALID_MS = 20 * 60_000;

/**
 * Which solved challenges were used, in the database: a solution accepted by one instance must not be
 * accepted again by another. The insert is atomic, so two submissions of one payload cannot both pass.
 */
function usedChallenges(sql: Queryable) {
	const remember = async (id: string) => {
		const rows = await sql`insert into used_challenges (challenge_id, expires_at)
			values (${id}, ${new Date(Date.now() + CHALLENGE_VALID_MS)})
			on conflict (challenge_id) do nothing returning 1`;
		return rows.length === 1;
	};
	return {
		setIfAbsent: (id: string) => remember(id),
		get: async (id: string) =>
			(await sql`select 1 from used_challenges where challenge_id = ${id}`).length > 0,
		set: (id: string) => remember(id)
	};
}

/** Forgets used challenges once they could no longer be valid anyway (hourly, on one instance). */
export const usedChallengesCleanupJob: PeriodicJob = {
	name: 'used challenge cleanup',
	everyMs: 60 * 60_000,
	run: async (app) => {
		await app.db.sql`delete from used_challenges where expires_at < now()`;
	}
};

const byAddress = new RateLimit('interest-address', {
	points: LIMITS.address.hard,
	windowSeconds: LIMITS.address.seconds
});
const byEmail = new RateLimit('interest-email', {
	points: LIMITS.email.hard,
	windowSeconds: LIMITS.email.seconds
});

export function honeypotFilled(form: FormData): boolean {
	const trap = form.get(HONEYPOT_FIELD);
	return typeof trap === 'string' && trap.trim() !== '';
}

export type Pressure = 'none' | 'challenge' | 'blocked';

/** How close this address (and e-mail, when known) is to the limits. */
export async function pressure(sql: Queryable, address: string, email?: string): Promise<Pressure> {
	const ip = (await byAddress.on(sql).peek(address)).used;
	const mail = email ? (await byEmail.on(sql).peek(accountKey(email))).used : 0;
	if (ip >= LIMITS.address.hard || mail >= LIMITS.email.hard) return 'blocked';
	if (ip >= LIMITS.address.soft || mail >= LIMITS.email.soft) return 'challenge';
	return 'none';
}

/** Counts an attempt that passed validation (failed typing does not use up anyone's allowance). */
export async function countSubmission(sql: Queryable, address: string, email: string): Promise<void> {
	await Promise.all([byAddress.on(sql).add(address), byEmail.on(sql).add(accountKey(email))]);
}

export async function newChallenge(): Promise<Challenge> {
	return createChallenge({
		algorithm: 'PBKDF2/SHA-256',
		cost: 5_000,
		deriveKey,
		hmacSignatureSecret: hmacKey(),
		expiresAt: new Date(Date.now() + CHALLENGE_VALID_MS)
	});
}

/** True for a fresh, correctly solved challenge of ours; each one is accepted once, by any instance. */
export async function verifyChallenge(sql: Queryable, payload: unknown): Promise<boolean> {
	if (typeof payload !== 'string' || !payload) return false;
	const result = await verify(payload, deriveKey, hmacKey(), undefined, usedChallenges(sql));
	return result.error === null;
}
