import { hash, verify } from '@node-rs/argon2';
import commonPasswords from './common-passwords.json';

export const PASSWORD_MIN_LENGTH = 12;
// Argon2 cost grows with input length; nobody types more than this.
export const PASSWORD_MAX_LENGTH = 256;

// OWASP's minimum for argon2id. The library's default algorithm is argon2id; its `Algorithm` is a const
// enum, which isolated modules cannot import, so it is not named here.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 };

export function hashPassword(password: string): Promise<string> {
	return hash(password.normalize('NFKC'), options);
}

export async function verifyPasswordHash(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password.normalize('NFKC'));
	} catch {
		return false;
	}
}

const common = new Set(commonPasswords.map((p) => p.toLowerCase()));

/**
 * Why a password is refused, in plain Dutch, or null when it is good enough. Following NIST 800-63B: a
 * minimum length and a blocklist, no composition rules. "Welkom2024!" is as weak as "welkom", so digits
 * and signs around a common word do not rescue it.
 */
export function passwordProblem(password: string, email: string): string | null {
	if (password.length < PASSWORD_MIN_LENGTH) {
		return `Kies een wachtwoord van minstens ${PASSWORD_MIN_LENGTH} tekens.`;
	}
	if (password.length > PASSWORD_MAX_LENGTH) {
		return `Kies een wachtwoord van hoogstens ${PASSWORD_MAX_LENGTH} tekens.`;
	}
	const lower = password.toLowerCase();
	const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
	if (common.has(lower) || common.has(core) || new Set(lower).size <= 2) {
		return 'Dit wachtwoord wordt veel gebruikt en is makkelijk te raden. Kies een ander wachtwoord.';
	}
	const local = email.trim().toLowerCase().split('@')[0] ?? '';
	const parts = [local, ...local.split(/[._+-]/).filter((part) => part.length >= 4)];
	if (parts.some((part) => part.length >= 3 && lower.includes(part))) {
		return 'Gebruik uw e-mailadres of naam niet in uw wachtwoord.';
	}
	return null;
}
