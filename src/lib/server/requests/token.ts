import { createHash, randomBytes } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** 160 random bits, base32: the private key to an employer's status page. */
export function newStatusToken(): string {
	return encodeBase32LowerCaseNoPadding(randomBytes(20));
}

/** Only this hash is stored, so a leaked database does not open anyone's status page. */
export function hashStatusToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export const STATUS_TOKEN_PATTERN = /^[a-z2-7]{32}$/;
