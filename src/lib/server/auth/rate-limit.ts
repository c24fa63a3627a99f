import { formatInstant } from '$lib/time';
import {
	AddressAndAccountLimit,
	accountKey,
	type AddressAndAccountLimits
} from '../rate-limit/address-and-account';
import { RateLimit, sharedStore, type RateLimitStore } from '../rate-limit/rate-limit';

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
 * Counts failed log-ins per account and client address pair, and per address, in the shared store. A
 * pair that keeps failing waits longer each time; the account itself is never locked, so someone
 * guessing from elsewhere cannot keep its owner out.
 */
export class LoginLimiter {
	private readonly pairFailures: RateLimit;
	private readonly pairWait: RateLimit;
	private readonly address: RateLimit;

	constructor(
		private readonly limits: LoginLimits = defaultLoginLimits,
		store: RateLimitStore = sharedStore
	) {
		const free = { points: Number.MAX_SAFE_INTEGER, windowSeconds: limits.windowSeconds * 4 };
		this.pairFailures = new RateLimit('login-pair', free, store);
		this.pairWait = new RateLimit('login-pair-wait', { points: 1, windowSeconds: 1 }, store);
		this.address = new RateLimit(
			'login-address',
			{ points: limits.perAddress, windowSeconds: limits.windowSeconds },
			store
		);
	}

	async check(email: string, clientAddress: string): Promise<LoginAllowance> {
		const [pair, address] = await Promise.all([
			this.pairWait.peek(pairKey(email, clientAddress)),
			this.address.peek(clientAddress)
		]);
		const now = Date.now();
		const waits = [
			pair.used > 1 ? pair.retryAt.getTime() - now : 0,
			address.used >= this.limits.perAddress ? address.retryAt.getTime() - now : 0
		];
		const wait = Math.max(...waits);
		return wait > 0 ? { allowed: false, retryAt: new Date(now + wait) } : { allowed: true };
	}

	async recordFailure(email: string, clientAddress: string): Promise<void> {
		const key = pairKey(email, clientAddress);
		const [failures] = await Promise.all([this.pairFailures.add(key), this.address.add(clientAddress)]);
		const beyond = failures.used - this.limits.freePerPair;
		if (beyond >= 0) {
			const { backoffSeconds, maxBackoffSeconds } = this.limits;
			await this.pairWait.block(key, Math.min(maxBackoffSeconds, backoffSeconds * 2 ** beyond));
		}
	}

	/** The owner got in: their earlier typos from this address no longer count against them. */
	async recordSuccess(email: string, clientAddress: string): Promise<void> {
		const key = pairKey(email, clientAddress);
		await Promise.all([this.pairFailures.reset(key), this.pairWait.reset(key)]);
	}
}

const pairKey = (email: string, clientAddress: string) => `${accountKey(email)}:${clientAddress}`;

/** Reset mails: 3 an hour for one account, 10 an hour from one client address. */
export const defaultResetLimits: AddressAndAccountLimits = {
	perAccount: 3,
	perAddress: 10,
	windowSeconds: 60 * 60
};

export const passwordResetLimiter = new AddressAndAccountLimit('reset', defaultResetLimits);
export const loginLimiter = new LoginLimiter();

export function retryMessage(retryAt: Date, now = new Date()): string {
	const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
	return (
		`U hebt te vaak geprobeerd in te loggen. Probeer het over ${minutes} ` +
		`${minutes === 1 ? 'minuut' : 'minuten'} opnieuw (om ${formatInstant(retryAt, 'clock')} uur).`
	);
}
