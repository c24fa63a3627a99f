import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spoolMultipartUpload } from './upload-stream';

const csvText = 'klantnummer;voornaam\n1;Anna\n2;Bram\n';

/** The form as a browser sends it: file first, then the checkboxes that are on. */
function uploadRequest(file: File | null, fields: Record<string, string> = {}): Request {
	const form = new FormData();
	if (file) form.append('bestand', file);
	for (const [name, value] of Object.entries(fields)) form.append(name, value);
	return new Request('https://kv.example/beheer/import?/importeren', { method: 'POST', body: form });
}

const dirs: string[] = [];
const freshDir = () => {
	const dir = mkdtempSync(join(tmpdir(), 'kv-upload-stream-'));
	dirs.push(dir);
	return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('spoolMultipartUpload', () => {
	it('writes the file to a private temp file and reads the options that follow it', async () => {
		const dir = freshDir();
		const upload = await spoolMultipartUpload(
			uploadRequest(new File([csvText], 'export sonar.csv'), { volledig: 'on', streng: 'on' }),
			{ dir }
		);
		if (!upload.ok) throw new Error(upload.message);
		expect(upload).toMatchObject({
			fileName: 'export sonar.csv',
			bytes: csvText.length,
			full: true,
			strict: true
		});
		expect(readFileSync(upload.path, 'utf8')).toBe(csvText);
		expect(upload.path.startsWith(dir)).toBe(true);
	});

	it('keeps the options off when their boxes are not ticked', async () => {
		const upload = await spoolMultipartUpload(uploadRequest(new File([csvText], 'a.csv')), {
			dir: freshDir()
		});
		expect(upload).toMatchObject({ ok: true, full: false, strict: false });
	});

	it('refuses with the Dutch messages and leaves nothing on disk', async () => {
		const dir = freshDir();
		const cases: [Request, string][] = [
			[uploadRequest(null, { volledig: 'on' }), 'Kies een bestand om te importeren.'],
			[uploadRequest(new File([], 'leeg.csv')), 'Kies een bestand om te importeren.'],
			[uploadRequest(new File([csvText], 'export.xlsx')), 'Kies een CSV-bestand (eindigt op .csv).'],
			[
				uploadRequest(new File(['x'.repeat(2048)], 'groot.csv')),
				'Het bestand is groter dan 200 MB. Splits het bestand of gebruik de opdrachtregel.'
			],
			[
				new Request('https://kv.example/beheer/import?/importeren', { method: 'POST', body: 'bestand=x' }),
				'Kies een bestand om te importeren.'
			]
		];
		for (const [request, message] of cases) {
			const upload = await spoolMultipartUpload(request, { dir, maxBytes: 1024 });
			expect(upload).toMatchObject({ ok: false, message });
		}
		expect(readdirSync(dir)).toEqual([]);
	});

	it('answers a broken-off or malformed upload in Dutch instead of failing', async () => {
		const dir = freshDir();
		const form = await new Response(
			(() => {
				const f = new FormData();
				f.append('bestand', new File([csvText], 'export.csv'));
				return f;
			})()
		);
		const type = form.headers.get('content-type')!;
		const whole = new Uint8Array(await form.arrayBuffer());
		const cut = new Request('https://kv.example/beheer/import?/importeren', {
			method: 'POST',
			headers: { 'content-type': type },
			body: whole.slice(0, whole.length - 40)
		});
		expect(await spoolMultipartUpload(cut, { dir })).toMatchObject({
			ok: false,
			message: 'Het bestand is niet volledig aangekomen. Probeer het opnieuw.'
		});
		// adapter-node stops a body past BODY_SIZE_LIMIT with a 413 in the stream.
		const overLimit = new Request('https://kv.example/beheer/import?/importeren', {
			method: 'POST',
			headers: { 'content-type': type },
			body: new ReadableStream({
				start(controller) {
					controller.enqueue(whole.slice(0, 200));
					controller.error(Object.assign(new Error('Payload Too Large'), { status: 413 }));
				}
			}),
			duplex: 'half'
		} as RequestInit);
		expect(await spoolMultipartUpload(overLimit, { dir })).toMatchObject({
			ok: false,
			message: 'Het bestand is groter dan 200 MB. Splits het bestand of gebruik de opdrachtregel.'
		});
		expect(readdirSync(dir)).toEqual([]);
	});

	it('echoes the options with a refusal, so the form keeps them', async () => {
		const upload = await spoolMultipartUpload(
			uploadRequest(new File([csvText], 'export.xlsx'), { streng: 'on' }),
			{ dir: freshDir() }
		);
		expect(upload).toMatchObject({ ok: false, full: false, strict: true });
	});

	it('takes a body that arrives in many chunks without a declared length', async () => {
		const dir = freshDir();
		const body = await new Response(
			(() => {
				const form = new FormData();
				form.append('bestand', new File([csvText.repeat(20_000)], 'groot.csv'));
				return form;
			})()
		);
		const type = body.headers.get('content-type')!;
		const bytes = new Uint8Array(await body.arrayBuffer());
		let at = 0;
		const stream = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (at >= bytes.length) return controller.close();
				controller.enqueue(bytes.slice(at, (at += 4096)));
			}
		});
		const request = new Request('https://kv.example/beheer/import?/importeren', {
			method: 'POST',
			headers: { 'content-type': type },
			body: stream,
			duplex: 'half'
		} as RequestInit);
		const upload = await spoolMultipartUpload(request, { dir });
		expect(upload).toMatchObject({ ok: true, bytes: csvText.length * 20_000 });
	});
});
