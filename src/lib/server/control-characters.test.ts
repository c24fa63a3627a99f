import { isHttpError, type RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { handleControlCharacters } from './control-characters';

async function send(path: string, form?: Record<string, string>, multipart = false) {
	const url = new URL(`https://kv.example${path}`);
	let init: RequestInit | undefined;
	if (form) {
		if (multipart) {
			const body = new FormData();
			for (const [k, v] of Object.entries(form)) body.set(k, v);
			init = { method: 'POST', body };
		} else {
			init = {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams(form).toString()
			};
		}
	}
	const event = { url, request: new Request(url, init), route: { id: '/x' } } as unknown as RequestEvent;
	try {
		const response = await handleControlCharacters({
			event,
			resolve: async (e) => new Response(form ? String((await e.request.formData()).get('tekst')) : 'ok')
		});
		return { status: response.status, body: await response.text() };
	} catch (e) {
		if (isHttpError(e)) return { status: e.status, body: e.body.message };
		throw e;
	}
}

describe('control characters at the edge', () => {
	it('refuses a NUL byte in a path or query with a 400 in Dutch', async () => {
		for (const path of [
			'/beheer/gebruikers/%00',
			'/zoekopdrachten/%00',
			'/beheer/audit?type=%00',
			'/x?%01=a'
		]) {
			const { status, body } = await send(path);
			expect({ path, status }).toEqual({ path, status: 400 });
			expect(body).toMatch(/tekens die hier niet kunnen/);
		}
	});

	it('refuses a control character in any form field, urlencoded or multipart', async () => {
		for (const field of ['email', 'wachtwoord', 'tekst']) {
			expect((await send('/inloggen?/inloggen', { [field]: 'a\u0000b' })).status).toBe(400);
			expect((await send('/interesse', { [field]: 'a\u001bb' }, true)).status).toBe(400);
		}
	});

	it('lets ordinary input through, line breaks and tabs in a text area included', async () => {
		expect(await send('/kandidaten?q=kok%20amsterdam')).toEqual({ status: 200, body: 'ok' });
		expect(await send('/interesse', { tekst: 'Regel één\r\nRegel\ttwee' })).toEqual({
			status: 200,
			body: 'Regel één\r\nRegel\ttwee'
		});
	});
});
