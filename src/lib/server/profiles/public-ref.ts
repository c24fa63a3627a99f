import { randomInt } from 'node:crypto';

// No 0/O or 1/I: people read these references aloud and type them over.
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A random public reference like `KV-4F7K-92QD` (40 bits): never derived from the klantnummer. */
export function newPublicRef(): string {
	let out = '';
	for (let i = 0; i < 8; i++) out += ALPHABET[randomInt(ALPHABET.length)];
	return `KV-${out.slice(0, 4)}-${out.slice(4)}`;
}

export const PUBLIC_REF_PATTERN = /^KV-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;
