import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './redirect';

describe('return address after logging in', () => {
	it('keeps a local path with its query', () => {
		expect(safeRedirectTarget('/beheer/audit?type=user', '/')).toBe('/beheer/audit?type=user');
	});

	it('never sends the user to another site', () => {
		for (const evil of [
			'https://evil.example',
			'//evil.example/x',
			'/\\evil.example',
			'evil.example',
			'/\t/evil.example',
			'',
			null
		]) {
			expect(safeRedirectTarget(evil, '/account'), String(evil)).toBe('/account');
		}
	});
});
