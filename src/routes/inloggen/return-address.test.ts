import { isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '$lib/server/auth/session-user';
import { load } from './+page.server';

const admin: SessionUser = {
	id: 'u1',
	email: 'beheer@kv.example',
	name: 'Beheerder',
	role: 'admin',
	regionCode: null,
	isCoordinator: false
};

function run(user: SessionUser | null, terug: string) {
	const url = new URL('https://kv.example/inloggen');
	url.searchParams.set('terug', terug);
	try {
		return { data: load({ locals: { user }, url } as never) as { terug: string } };
	} catch (e) {
		if (isRedirect(e)) return { location: e.location };
		throw e;
	}
}

describe('/inloggen?terug=', () => {
	for (const evil of ['/..//evil.example', '/.//evil.example', '/%2e%2e//evil.example']) {
		it(`sends a signed-in user home, not to ${evil}`, () => {
			expect(run(admin, evil)).toEqual({ location: '/beheer' });
		});

		it(`puts no ${evil} into the form's hidden field`, () => {
			expect(run(null, evil).data?.terug).toBe('');
		});
	}

	it('still returns to a page of this site', () => {
		expect(run(admin, '/beheer/audit?type=login')).toEqual({ location: '/beheer/audit?type=login' });
	});
});
