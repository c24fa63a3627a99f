import { describe, expect, it } from 'vitest';
import { ALL_REGIONS, NO_REGION, oneRegion, scopeIncludes, scopeOf } from './scope';
import type { SessionUser } from './session-user';

const user = (role: SessionUser['role'], regionCode: string | null): SessionUser => ({
	id: 'u',
	email: 'u@kv.example',
	name: 'U',
	role,
	regionCode,
	isCoordinator: false
});

describe('staff scope', () => {
	it('gives admins every region and a WSP member only their own', () => {
		expect(scopeOf(user('admin', null))).toEqual(ALL_REGIONS);
		expect(scopeOf(user('wsp', 'AM03'))).toEqual(oneRegion('AM03'));
	});

	it('gives a WSP member without a team no region at all, never every region', () => {
		expect(scopeOf(user('wsp', null))).toEqual(NO_REGION);
		expect(scopeIncludes(scopeOf(user('wsp', null)), 'AM03')).toBe(false);
		expect(scopeOf(user('intermediair', 'AM03'))).toEqual(NO_REGION);
	});

	it('includes exactly the regions it names', () => {
		expect(scopeIncludes(ALL_REGIONS, 'AM01')).toBe(true);
		expect(scopeIncludes(oneRegion('AM01'), 'AM01')).toBe(true);
		expect(scopeIncludes(oneRegion('AM01'), 'AM02')).toBe(false);
		expect(scopeIncludes(NO_REGION, 'AM01')).toBe(false);
	});
});
