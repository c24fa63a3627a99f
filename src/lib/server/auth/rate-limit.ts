import { formatInstant } from '$lib/time';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { hashToken } from './random';

export interface LoginLimits {
	/** Failed log-ins per account within the window before that account is paused. */
	perAccount: number;
	/** Failed log-ins per client address within the window (an office behind one address shares it). */
	perAddress: number;
	windowSeconds: number;
}

export const defaultLoginLimits: LoginLimits = { perAccount: 5, perAddress: 30, windowSeconds: 15 * 60 };

export type LoginAllowance = { allowed: true } | { allowed: false; retryAt: Date };

/**
 * Counts failed log-ins in memory, per account and per client address. One instance serves the whole
 * process; with several app instances each counts its own, which still bounds guessing to a few per minute.
 */
export class LoginLimiter {
	private readonly account: RateLimiterMemory;
	private readonly address: RateLimiterMemory;

	constructor(private readonly limits: LoginLimits = defaultLoginLimits) {
		this.account = new RateLimiterMemory({
			keyPrefix: 'login-account',
			points: limits.perAccount,
			duration: limits.windowSeconds
		});
		this.address = new RateLimiterMemory({
			keyPrefix: 'login-address',
			points: limits.perAddress,
			duration: limits.windowSeconds
		});
	}

	async check(email: string, clientAddress: string): Promise<LoginAllowance> {
		const [account, address] = await Promise.all([
			this.account.get(accountKey(email)),
			this.address.get(clientAddress)
		]);
		const waits = [
			account && account.consumedPoints >= this.limits.perAccount ? account.msBeforeNext : 0,
			address && address.consumedPoints >= this.limits.perAddress ? address.msBeforeNext : 0
		];
		const wait = Math.max(...waits);
		return wait > 0 ? { allowed: false, retryAt: new Date(Date.now() + wait) } : { allowed: true };
	}

	async recordFailure(email: string, clientAddress: string): Promise<void> {
		await Promise.all([this.account.penalty(accountKey(email), 1), this.address.penalty(clientAddress, 1)]);
	}

	/** The owner got in: their earlier typos no longer count against them. */
	async recordSuccess(email: string): Promise<void> {
		await this.account.delete(accountKey(email));
	}
}

// Keys are hashed so the limiter's memory holds no e-mail addresses.
const accountKey = (email: string) => hashToken(email.trim().toLowerCase());

export const loginLimiter = new LoginLimiter();

export function retryMessage(retryAt: Date, now = new Date()): string {
	const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
	return (
		`U hebt te vaak geprobeerd in te loggen. Probeer het over ${minutes} ` +
		`${minutes === 1 ? 'minuut' : 'minuten'} opnieuw (om ${formatInstant(retryAt, 'clock')} uur).`
	);
}
