import { hashToken } from '../auth/random';
import { consumeAll, RateLimit, sharedStore, type RateLimitStore } from './rate-limit';

export interface AddressAndAccountLimits {
	/** Requests per client address within the window, whatever account they name. */
	perAddress: number;
	/** Requests naming one e-mail address within the window, from anywhere. */
	perAccount: number;
	windowSeconds: number;
}

/** E-mail addresses are keyed by hash, so the counters hold no addresses. */
export const accountKey = (email: string) => hashToken(email.trim().toLowerCase());

/**
 * For forms that send mail to an address someone types (registration, password reset): a script must
 * not flood one mailbox, nor ours from one address. Every request counts against both limits, whether
 * the account exists or not, so neither the answer nor its timing reveals who has one.
 */
export class AddressAndAccountLimit {
	private readonly address: RateLimit;
	private readonly account: RateLimit;

	constructor(name: string, limits: AddressAndAccountLimits, store: RateLimitStore = sharedStore) {
		const windowSeconds = limits.windowSeconds;
		this.address = new RateLimit(`${name}-address`, { points: limits.perAddress, windowSeconds }, store);
		this.account = new RateLimit(`${name}-account`, { points: limits.perAccount, windowSeconds }, store);
	}

	/** Counts the request; true when it may go ahead. */
	allow(clientAddress: string, email: string): Promise<boolean> {
		return consumeAll([
			[this.address, clientAddress],
			[this.account, accountKey(email)]
		]);
	}
}
