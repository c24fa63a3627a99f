import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../config';

export interface MailMessage {
	/** The outbox id: gives the Message-ID and names the .eml file. */
	id: string;
	to: string;
	subject: string;
	text: string;
	html?: string | null;
	replyTo?: string | null;
	headers?: Record<string, string> | null;
}

export interface MailTransport {
	readonly name: 'smtp' | 'file';
	/** Resolves with the Message-ID once the server (or the disk) has the message. */
	send(message: MailMessage): Promise<{ messageId: string }>;
	close(): void;
}

/**
 * The same outbox message always gets the same Message-ID, so if a retry after a lost reply delivers it
 * twice, mail programs and the WSP mailbox recognise (and usually hide) the duplicate.
 */
export function messageIdFor(id: string, from: string): string {
	return `<outbox.${id}@${from.split('@')[1] ?? 'kandidatenverkenner.invalid'}>`;
}

const envelope = (m: MailMessage, from: string) => ({
	messageId: messageIdFor(m.id, from),
	from,
	to: m.to,
	subject: m.subject,
	text: m.text,
	html: m.html ?? undefined,
	replyTo: m.replyTo ?? undefined,
	headers: m.headers && Object.keys(m.headers).length ? m.headers : undefined
});

export function createSmtpTransport(url: string, from: string): MailTransport {
	const transporter = nodemailer.createTransport(url);
	return {
		name: 'smtp',
		async send(message) {
			const mail = envelope(message, from);
			await transporter.sendMail(mail);
			return { messageId: mail.messageId };
		},
		close: () => transporter.close()
	};
}

/**
 * Without an SMTP server (development, demos) every message becomes an .eml file that any mail program
 * opens. Names sort by time: `20250106T090000123Z-<id>.eml`.
 */
export function createFileTransport(dir: string, from: string): MailTransport {
	const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
	const target = resolve(dir);
	mkdirSync(target, { recursive: true });
	return {
		name: 'file',
		async send(message) {
			const mail = envelope(message, from);
			const info = await transporter.sendMail(mail);
			const stamp = new Date().toISOString().replace(/[-:.]/g, '');
			writeFileSync(join(target, `${stamp}-${message.id}.eml`), info.message as Buffer);
			return { messageId: mail.messageId };
		},
		close: () => transporter.close()
	};
}

export function createMailTransport(
	config: Pick<Config, 'SMTP_URL' | 'DATA_DIR' | 'MAIL_FROM'>
): MailTransport {
	return config.SMTP_URL
		? createSmtpTransport(config.SMTP_URL, config.MAIL_FROM)
		: createFileTransport(join(config.DATA_DIR, 'mail'), config.MAIL_FROM);
}
