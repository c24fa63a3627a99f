import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';

/** Where the e2e SMTP server (global setup) writes every message it receives. */
export const E2E_MAIL_DIR = join(process.cwd(), 'test-results', 'e2e-mail');

export async function receivedMail(): Promise<ParsedMail[]> {
	let files: string[];
	try {
		files = readdirSync(E2E_MAIL_DIR).filter((f) => f.endsWith('.eml'));
	} catch {
		return [];
	}
	files.sort();
	return Promise.all(files.map((f) => simpleParser(readFileSync(join(E2E_MAIL_DIR, f)))));
}

/** Waits until a message matching `predicate` has arrived over SMTP. */
export async function waitForMail(
	predicate: (mail: ParsedMail) => boolean,
	timeoutMs = 30_000
): Promise<ParsedMail> {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		const match = (await receivedMail()).find(predicate);
		if (match) return match;
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error('no matching mail arrived over SMTP in time');
}

export function recipients(mail: ParsedMail): string[] {
	const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
	return to.flatMap((a) => a.value.map((v) => v.address?.toLowerCase() ?? ''));
}
