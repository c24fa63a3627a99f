import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPasswordHash } from './password';

const email = 'j.de.vries@gemeente.example';

describe('password rules', () => {
	it('accepts a long, uncommon passphrase', () => {
		expect(passwordProblem('paars fietsje onder de brug', email)).toBeNull();
		expect(passwordProblem('Tr0mmel-Kast-Vijver', email)).toBeNull();
	});

	it('asks for at least 12 characters', () => {
		expect(passwordProblem('kort123!', email)).toMatch(/minstens 12 tekens/);
		expect(passwordProblem('a'.repeat(300), email)).toMatch(/hoogstens/);
	});

	it('refuses common passwords, also Dutch ones and with digits or signs around them', () => {
		for (const weak of [
			'welkom123456',
			'wachtwoord12',
			'Password1234',
			'Welkom2024!!',
			'123456789012',
			'qwertyuiop12',
			'aaaaaaaaaaaa',
			'abababababab',
			'!!Feyenoord2025'
		]) {
			expect(passwordProblem(weak, email), weak).toMatch(/veel gebruikt/);
		}
	});

	it('refuses a password that contains the e-mail address before the @', () => {
		expect(passwordProblem('j.de.vries-2025-zomer', email)).toMatch(/e-mailadres/);
		expect(passwordProblem('JanssenPaard99!x', 'janssen@uwv.example')).toMatch(/e-mailadres/);
	});
});

describe('password hashing', () => {
	it('stores argon2id with the agreed cost and verifies only the right password', async () => {
		const hash = await hashPassword('paars fietsje onder de brug');
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPasswordHash(hash, 'paars fietsje onder de brug')).toBe(true);
		expect(await verifyPasswordHash(hash, 'paars fietsje onder de Brug')).toBe(false);
		expect(await verifyPasswordHash('not a hash', 'x')).toBe(false);
	});
});
