import { randomInt } from 'node:crypto';
import { PUBLIC_REF_ALPHABET as ALPHABET } from '../../public-ref';

/** A random public reference like `KV-4F7K-92QD` (40 bits): never derived from the klantnummer. */
export function newPublicRef(): string {
	let out = '';
	for (let i = 0; i < 8; i++) out += ALPHABET[randomInt(ALPHABET.length)];
	return `KV-${out.slice(0, 4)}-${out.slice(4)}`;
}
