import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { handleOriginCheck } from './origin-check';

const ORIGIN = 'https://kv.example';

async function post(
	path: string,
	routeId: string | null,
	headers: Record<string, string>,
	method = 'POST'
): Promise<{ status: number; resolved: boolean }> {
	const url = new URL(path, ORIGIN);
	const request = new Request(url, { method, headers, body: 'List-Unsubscribe=One-Click' });
	const event = { request, url, route: { id: routeId } } as unknown as RequestEvent;
	let resolved = false;
	const response = await handleOriginCheck(true)({
		event,
		resolve: async () => {
			resolved = true;
			return new Response('ok');
		}
	});
	return { status: response.status, resolved };
}

const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('handleOriginCheck', () => {
	it('lets a mail program one-click unsubscribe with no Origin header (RFC 8058)', async () => {
		expect(await post('/afmelden/abc', '/afmelden/[token]', form)).toEqual({ status: 200, resolved: true });
	});

	it('still refuses every other form post without a matching Origin', async () => {
		for (const [path, routeId] of [
			['/inloggen?/inloggen', '/inloggen'],
			['/interesse', '/interesse'],
			['/zoekopdrachten/x?/delete', '/zoekopdrachten/[id]'],
			['/nergens', null]
		] as const) {
			expect(await post(path, routeId, form)).toEqual({ status: 403, resolved: false });
			expect((await post(path, routeId, { ...form, origin: 'https://evil.example' })).status).toBe(403);
			expect((await post(path, routeId, { 'content-type': 'multipart/form-data; boundary=x' })).status).toBe(
				403
			);
			expect((await post(path, routeId, { 'content-type': 'Text/Plain' })).status).toBe(403);
		}
	});

	it('exempts only POST on the unsubscribe link, not other methods', async () => {
		expect((await post('/afmelden/abc', '/afmelden/[token]', form, 'PUT')).status).toBe(403);
		expect((await post('/afmelden/abc', '/afmelden/[token]', form, 'DELETE')).status).toBe(403);
	});

	it('passes same-origin form posts and non-form requests', async () => {
		expect((await post('/inloggen?/inloggen', '/inloggen', { ...form, origin: ORIGIN })).resolved).toBe(true);
		expect(
			(
				await post('/api/search/multi-search', '/api/search/[...path]', {
					'content-type': 'application/json'
				})
			).resolved
		).toBe(true);
	});
});
