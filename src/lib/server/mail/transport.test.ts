import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileTransport, createMailTransport } from './transport';

describe('file transport', () => {
	it('writes each message as an .eml file named by time and outbox id', async () => {
		const dir = join(mkdtempSync(join(tmpdir(), 'kv-mail-')), 'mail');
		const transport = createFileTransport(dir, 'noreply@kandidatenverkenner.example');
		const { messageId } = await transport.send({
			id: 'abc123',
			to: 'adviseur@gemeente.example',
			subject: 'Nieuwe aanvraag',
			text: 'Er is een nieuwe aanvraag.'
		});
		const files = readdirSync(dir);
		expect(files).toHaveLength(1);
		expect(files[0]).toMatch(/^\d{8}T\d{9}Z-abc123\.eml$/);
		const eml = readFileSync(join(dir, files[0]), 'utf8');
		expect(eml).toContain('Subject: Nieuwe aanvraag');
		expect(eml).toContain('To: adviseur@gemeente.example');
		expect(eml).toContain(`Message-ID: ${messageId}`);
		expect(eml).toContain('Er is een nieuwe aanvraag.');
	});

	it('is the transport when no SMTP_URL is configured', () => {
		const dir = mkdtempSync(join(tmpdir(), 'kv-mail-'));
		const transport = createMailTransport({ DATA_DIR: dir, MAIL_FROM: 'a@b.example' });
		expect(transport.name).toBe('file');
		expect(readdirSync(dir)).toEqual(['mail']);
	});
});
