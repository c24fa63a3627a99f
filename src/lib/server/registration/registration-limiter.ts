import { RateLimiterMemory } from 'rate-limiter-flexible';
import { hashToken } from '../auth/random';

export interface RegistrationLimits {
	perAddress: number;
	perEmail: number;
	windowSeconds: number;
}

export const defaultRegistrationLimits: RegistrationLimits = {
	perAddress: 10,
	perEmail: 3,
	windowSeconds: 60 * 60
};

/**
 * Registrations send mail, so a script must not use the form to flood someone's mailbox or ours. Counted
 * in memory per client address and per e-mail address (hashed: the limiter holds no addresses).
 */
export class RegistrationLimiter {
	private readonly address: RateLimiterMemory;
	private readonly email: RateLimiterMemory;

	constructor(limits: RegistrationLimits = defaultRegistrationLimits) {
		const duration = limits.windowSeconds;
		this.address = new RateLimiterMemory({ keyPrefix: 'reg-address', points: limits.perAddress, duration });
		this.email = new RateLimiterMemory({ keyPrefix: 'reg-email', points: limits.perEmail, duration });
	}

	/** Uses one attempt; false when the address or the e-mail address has had too many. */
	async consume(clientAddress: string, email: string): Promise<boolean> {
		try {
			await this.address.consume(clientAddress);
			await this.email.consume(hashToken(email.trim().toLowerCase()));
			return true;
		} catch {
			return false;
		}
	}
}

export const registrationLimiter = new RegistrationLimiter();

export const THROTTLED_MESSAGE =
	'Er zijn vanaf hier te veel aanmeldingen gedaan. Probeer het over een uur opnieuw.';
