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

/** The key in an e-mailed link (a reset, an invitation, an employer's status page): 160 bits. */
export const newLinkToken = () => generateSecureRandomString(20);

/** A link token as `newLinkToken` makes it: 32 base32 characters. */
export const LINK_TOKEN_PATTERN = /^[a-z2-7]{32}$/;

/**
 * Tokens from e-mailed links are stored only as this hash, so a copy of the table (or a leaked
 * database) opens nothing.
 */
export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}
