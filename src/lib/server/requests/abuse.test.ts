import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../../../../tests/helpers/test-database';
import type { Database } from '../db/database';

let db: Database;
beforeAll(async () => {
	db = await createTestDatabase();
});
afterAll(async () => {
	vi.unstubAllEnvs();
	await db?.close();
});

async function solve(challenge: Challenge): Promise<string> {
	const solution = await solveChallenge({ challenge, deriveKey });
	return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

/** The abuse module as a separate instance of the app loads it: nothing in memory is shared. */
async function instance() {
	vi.resetModules();
	return import('./abuse');
}

describe('the proof of work behind several instances', () => {
	it('accepts a solved challenge once, whichever instance sees it again', async () => {
		// Instances share the signing key (docs/operations.md); only the database remembers what was used.
		vi.stubEnv('ALTCHA_HMAC_KEY', 'een gedeeld geheim van voldoende lengte');
		const a = await instance();
		const b = await instance();
		const payload = await solve(await a.newChallenge());
		expect(await a.verifyChallenge(db.sql, payload)).toBe(true);
		expect(await b.verifyChallenge(db.sql, payload)).toBe(false);
		expect(await a.verifyChallenge(db.sql, payload)).toBe(false);
		expect(await b.verifyChallenge(db.sql, await solve(await a.newChallenge()))).toBe(true);
	});
});
