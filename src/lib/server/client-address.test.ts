import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it, vi } from 'vitest';
import { handleClientAddress } from './client-address';
import { log } from './log';

function send(handle: ReturnType<typeof handleClientAddress>, path: string, headers: HeadersInit = {}) {
	const url = new URL(`http://kv.internal${path}`);
	const event = {
		url,
		request: new Request(url, { headers }),
		getClientAddress: () => {
			throw new Error('Address header was specified with ADDRESS_HEADER but is absent from request');
		}
	} as unknown as RequestEvent;
	return handle({ event, resolve: async (e) => new Response(`hallo ${e.url.pathname}`) });
}

describe('a request without the ADDRESS_HEADER header', () => {
	it('gets a 400 that names the header, logged once, instead of a 500', async () => {
		const warn = vi.spyOn(log, 'warn').mockImplementation(() => {});
		const handle = handleClientAddress(() => 'x-forwarded-for');
		for (const path of ['/inloggen', '/api/search/multi-search']) {
			const response = await send(handle, path);
			expect(response.status).toBe(400);
			expect(await response.text()).toContain('x-forwarded-for');
		}
		expect(warn).toHaveBeenCalledTimes(1);
		warn.mockRestore();
	});

	it('passes when the header is there, for health checks, and when no header is configured', async () => {
		const handle = handleClientAddress(() => 'x-forwarded-for');
		expect((await send(handle, '/inloggen', { 'x-forwarded-for': '192.0.2.1' })).status).toBe(200);
		expect((await send(handle, '/healthz')).status).toBe(200);
		expect(
			(
				await send(
					handleClientAddress(() => undefined),
					'/inloggen'
				)
			).status
		).toBe(200);
	});
});
