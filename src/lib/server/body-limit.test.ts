import { isHttpError, type RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BODY, handleBodyLimit, maxBodyFor, UPLOAD_MAX_BODY } from './body-limit';

describe('maxBodyFor', () => {
	it('allows large exports only to an administrator on the import page', () => {
		expect(maxBodyFor('/beheer/import', 'admin')).toBe(UPLOAD_MAX_BODY);
		expect(maxBodyFor('/beheer/import', 'wsp')).toBe(DEFAULT_MAX_BODY);
		expect(maxBodyFor('/beheer/import', undefined)).toBe(DEFAULT_MAX_BODY);
	});

	it('keeps public forms and APIs at 1 MB', () => {
		expect(maxBodyFor('/interesse', undefined)).toBe(DEFAULT_MAX_BODY);
		expect(maxBodyFor('/api/search/multi-search', 'admin')).toBe(DEFAULT_MAX_BODY);
		expect(maxBodyFor(null, undefined)).toBe(DEFAULT_MAX_BODY);
	});
});

/** A chunked body (no Content-Length) of `chunks` pieces of 64 KB; counts how many were pulled. */
function chunked(
	chunks: number,
	url = 'https://kv.example/inloggen?/inloggen',
	type = 'application/x-www-form-urlencoded'
) {
	const pulled = { count: 0 };
	const body = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (pulled.count === chunks) return controller.close();
			pulled.count++;
			controller.enqueue(new Uint8Array(64 * 1024).fill(0x61));
		}
	});
	const request = new Request(url, {
		method: 'POST',
		headers: { 'content-type': type },
		body,
		duplex: 'half'
	} as RequestInit);
	return { request, pulled };
}

async function send(request: Request, routeId = '/inloggen') {
	const event = { request, route: { id: routeId }, locals: { user: null } } as unknown as RequestEvent;
	let seen: Request | undefined;
	try {
		await handleBodyLimit({
			event,
			resolve: async (e) => {
				seen = e.request;
				return new Response('ok');
			}
		});
	} catch (e) {
		if (isHttpError(e)) return { status: e.status, seen };
		throw e;
	}
	return { status: 200, seen };
}

describe('handleBodyLimit', () => {
	it('stops reading a chunked anonymous post at 1 MB and answers 413', async () => {
		const { request, pulled } = chunked(150 * 16); // 150 MB if read to the end
		expect((await send(request)).status).toBe(413);
		expect(pulled.count * 64 * 1024).toBeLessThanOrEqual(DEFAULT_MAX_BODY + 3 * 64 * 1024);
	});

	it('passes a small chunked post on, body intact', async () => {
		const { request } = chunked(2);
		const { status, seen } = await send(request);
		expect(status).toBe(200);
		expect((await seen!.arrayBuffer()).byteLength).toBe(2 * 64 * 1024);
	});

	it('refuses a declared length over the limit without reading', async () => {
		const request = new Request('https://kv.example/inloggen?/inloggen', {
			method: 'POST',
			headers: { 'content-length': String(DEFAULT_MAX_BODY + 1) },
			body: 'x'
		});
		expect((await send(request)).status).toBe(413);
	});

	it('leaves a JSON search body to the search API, which reads it within its own 64 KB', async () => {
		const url = 'https://kv.example/api/search/multi-search';
		const { request } = chunked(2, url, 'application/json');
		const { status, seen } = await send(request, '/api/search/multi-search');
		expect(status).toBe(200);
		// The very request, its body unread: not a buffered copy.
		expect(seen).toBe(request);
		expect(seen!.bodyUsed).toBe(false);
	});

	it('still limits a form posted to the search API, which the control-character check would read', async () => {
		const { request } = chunked(150 * 16, 'https://kv.example/api/search/multi-search');
		expect((await send(request, '/api/search/multi-search')).status).toBe(413);
	});
});
