import { randomBytes } from 'node:crypto';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/**
 * An unguessable string, safe in a URL and a cookie. The default 15 bytes (120 bits, 24 characters) is
 * enough for ids and session secrets; one-time links use 20 bytes.
 */
export function generateSecureRandomString(bytes = 15): string {
	return encodeBase32LowerCaseNoPadding(randomBytes(bytes));
}

/** Tokens from e-mailed links are stored only as this hash, so a copy of the table opens nothing. */
export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}
