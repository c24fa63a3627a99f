import { randomBytes } from 'node:crypto';
import { CappedMap, createChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { verify } from 'altcha-lib/frameworks/shared';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { config } from '../config';

/**
 * Abuse protection without third parties. A hidden honeypot field catches simple bots. Per address and
 * per e-mail we count submissions: below the soft limit nothing is asked; from the soft limit on, the
 * form asks for an altcha proof of work (a few seconds of computing in the browser, no tracking); at the
 * hard limit submissions stop until the window has passed. Counters live in this process: with several
 * instances each keeps its own, which only makes the limits a little more lenient.
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
const usedChallenges = new CappedMap<string, boolean>({ maxSize: 10_000 });

const byAddress = new RateLimiterMemory({
	keyPrefix: 'interest-ip',
	points: LIMITS.address.hard,
	duration: LIMITS.address.seconds
});
const byEmail = new RateLimiterMemory({
	keyPrefix: 'interest-email',
	points: LIMITS.email.hard,
	duration: LIMITS.email.seconds
});

export const honeypotFilled = (form: FormData) => String(form.get(HONEYPOT_FIELD) ?? '').trim() !== '';

export type Pressure = 'none' | 'challenge' | 'blocked';

async function used(limiter: RateLimiterMemory, key: string): Promise<number> {
	return (await limiter.get(key))?.consumedPoints ?? 0;
}

/** How close this address (and e-mail, when known) is to the limits. */
export async function pressure(address: string, email?: string): Promise<Pressure> {
	const ip = await used(byAddress, address);
	const mail = email ? await used(byEmail, email.trim().toLowerCase()) : 0;
	if (ip >= LIMITS.address.hard || mail >= LIMITS.email.hard) return 'blocked';
	if (ip >= LIMITS.address.soft || mail >= LIMITS.email.soft) return 'challenge';
	return 'none';
}

/** Counts an attempt that passed validation (failed typing does not use up anyone's allowance). */
export async function countSubmission(address: string, email: string): Promise<void> {
	await Promise.allSettled([byAddress.consume(address), byEmail.consume(email.trim().toLowerCase())]);
}

export async function newChallenge(): Promise<Challenge> {
	return createChallenge({
		algorithm: 'PBKDF2/SHA-256',
		cost: 5_000,
		deriveKey,
		hmacSignatureSecret: hmacKey(),
		expiresAt: new Date(Date.now() + 20 * 60_000)
	});
}

/** True for a fresh, correctly solved challenge of ours; each one is accepted once. */
export async function verifyChallenge(payload: unknown): Promise<boolean> {
	if (typeof payload !== 'string' || !payload) return false;
	const result = await verify(payload, deriveKey, hmacKey(), undefined, usedChallenges);
	return result.error === null;
}
