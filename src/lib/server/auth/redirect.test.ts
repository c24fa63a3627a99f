import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './redirect';

/** Known ways to smuggle another host past a "starts with one slash" check. */
const OPEN_REDIRECT_BYPASSES = [
	'https://evil.example',
	'http:evil.example',
	'//evil.example/x',
	'///evil.example',
	'/\\evil.example',
	'\\\\evil.example',
	'/\\/evil.example',
	'evil.example',
	'javascript:alert(1)',
	'/..//evil.example',
	'/.//evil.example',
	'/./..//evil.example',
	'/a/../..//evil.example',
	'/%2e%2e//evil.example',
	'/%2E%2E//evil.example',
	'/.%2e//evil.example',
	'/%2e//evil.example',
	'/%2f/evil.example',
	'/%2F%2Fevil.example',
	'/%5c/evil.example',
	'/%5C%5Cevil.example',
	'/\t/evil.example',
	'/\n/evil.example',
	'/\r\n/evil.example',
	'/%09/evil.example',
	'/%0a/evil.example',
	'/\u0000/evil.example',
	' //evil.example',
	'',
	null
];

describe('return address after logging in', () => {
	it('keeps a local path with its query', () => {
		expect(safeRedirectTarget('/beheer/audit?type=user', '/')).toBe('/beheer/audit?type=user');
		expect(safeRedirectTarget('/kandidaten?q=kok#resultaten', '/')).toBe('/kandidaten?q=kok#resultaten');
		expect(safeRedirectTarget('/wsp/../account', '/')).toBe('/account');
	});

	it('never sends the user to another site', () => {
		for (const evil of OPEN_REDIRECT_BYPASSES) {
			expect(safeRedirectTarget(evil, '/account'), JSON.stringify(evil)).toBe('/account');
		}
	});
});
