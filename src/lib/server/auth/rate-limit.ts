import { formatInstant } from '$lib/time';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { hashToken } from './random';

export interface LoginLimits {
	/** Failed log-ins for one account from one address before that pair has to wait. */
	freePerPair: number;
	/** The first wait; it doubles with each further failure of the pair, up to `maxBackoffSeconds`. */
	backoffSeconds: number;
	maxBackoffSeconds: number;
	/** Failed log-ins per client address within the window, whatever the account (guessing many accounts). */
	perAddress: number;
	windowSeconds: number;
}

export const defaultLoginLimits: LoginLimits = {
	freePerPair: 5,
	backoffSeconds: 30,
	maxBackoffSeconds: 15 * 60,
	perAddress: 30,
	windowSeconds: 15 * 60
};

export type LoginAllowance = { allowed: true } | { allowed: false; retryAt: Date };

/**
 * Counts failed log-ins in memory, per account and client address pair, and per address. A pair that
 * keeps failing waits longer each time; the account itself is never locked, so someone guessing from
 * elsewhere cannot keep its owner out. One instance serves the whole process.
 */
export class LoginLimiter {
	private readonly pairFailures: RateLimiterMemory;
	private readonly pairWait: RateLimiterMemory;
	private readonly address: RateLimiterMemory;

	constructor(private readonly limits: LoginLimits = defaultLoginLimits) {
		this.pairFailures = new RateLimiterMemory({
			keyPrefix: 'login-pair',
			points: Number.MAX_SAFE_INTEGER,
			duration: limits.windowSeconds * 4
		});
		this.pairWait = new RateLimiterMemory({ keyPrefix: 'login-pair-wait', points: 1, duration: 1 });
		this.address = new RateLimiterMemory({
			keyPrefix: 'login-address',
			points: limits.perAddress,
			duration: limits.windowSeconds
		});
	}

	async check(email: string, clientAddress: string): Promise<LoginAllowance> {
		const [pair, address] = await Promise.all([
			this.pairWait.get(pairKey(email, clientAddress)),
			this.address.get(clientAddress)
		]);
		const waits = [
			pair && pair.consumedPoints > 1 ? pair.msBeforeNext : 0,
			address && address.consumedPoints >= this.limits.perAddress ? address.msBeforeNext : 0
		];
		const wait = Math.max(...waits);
		return wait > 0 ? { allowed: false, retryAt: new Date(Date.now() + wait) } : { allowed: true };
	}

	async recordFailure(email: string, clientAddress: string): Promise<void> {
		const key = pairKey(email, clientAddress);
		const [failures] = await Promise.all([
			this.pairFailures.penalty(key, 1),
			this.address.penalty(clientAddress, 1)
		]);
		const beyond = failures.consumedPoints - this.limits.freePerPair;
		if (beyond >= 0) {
			const { backoffSeconds, maxBackoffSeconds } = this.limits;
			await this.pairWait.block(key, Math.min(maxBackoffSeconds, backoffSeconds * 2 ** beyond));
		}
	}

	/** The owner got in: their earlier typos from this address no longer count against them. */
	async recordSuccess(email: string, clientAddress: string): Promise<void> {
		const key = pairKey(email, clientAddress);
		await Promise.all([this.pairFailures.delete(key), this.pairWait.delete(key)]);
	}
}

// Keys are hashed so the limiter's memory holds no e-mail addresses.
const accountKey = (email: string) => hashToken(email.trim().toLowerCase());
const pairKey = (email: string, clientAddress: string) => `${accountKey(email)}:${clientAddress}`;

export interface ResetLimits {
	/** Reset mails per target account within the window, from anywhere. */
	perAccount: number;
	/** Reset requests per client address within the window, whatever the address asked for. */
	perAddress: number;
	windowSeconds: number;
}

export const defaultResetLimits: ResetLimits = { perAccount: 3, perAddress: 10, windowSeconds: 60 * 60 };

/**
 * Bounds password-reset mails per target account and per requesting address. It counts every request
 * the same way, whether the account exists or not, so its answer reveals nothing either.
 */
export class ResetLimiter {
	private readonly account: RateLimiterMemory;
	private readonly address: RateLimiterMemory;

	constructor(limits: ResetLimits = defaultResetLimits) {
		const duration = limits.windowSeconds;
		this.account = new RateLimiterMemory({ keyPrefix: 'reset-account', points: limits.perAccount, duration });
		this.address = new RateLimiterMemory({ keyPrefix: 'reset-address', points: limits.perAddress, duration });
	}

	/** Counts the request; true when a mail may go out. */
	async allow(email: string, clientAddress: string): Promise<boolean> {
		const results = await Promise.allSettled([
			this.address.consume(clientAddress),
			this.account.consume(accountKey(email))
		]);
		return results.every((r) => r.status === 'fulfilled');
	}
}

export const passwordResetLimiter = new ResetLimiter();
export const loginLimiter = new LoginLimiter();

export function retryMessage(retryAt: Date, now = new Date()): string {
	const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
	return (
		`U hebt te vaak geprobeerd in te loggen. Probeer het over ${minutes} ` +
		`${minutes === 1 ? 'minuut' : 'minuten'} opnieuw (om ${formatInstant(retryAt, 'clock')} uur).`
	);
}
