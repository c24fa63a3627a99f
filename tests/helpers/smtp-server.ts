import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtpServer {
	url: string;
	messages: ParsedMail[];
	waitForMessage(predicate: (mail: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
	/** Down = every connection is refused with "421 service not available", as a busy server does. */
	setDown(down: boolean): void;
	stop(): Promise<void>;
}

/** A real SMTP server in this process (no TLS, no auth) that keeps every message it accepts, parsed. */
export async function startTestSmtpServer(): Promise<TestSmtpServer> {
	const messages: ParsedMail[] = [];
	const waiters = new Set<() => void>();
	let down = false;

	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onConnect(_session, callback) {
			if (!down) return callback();
			callback(Object.assign(new Error('Service not available, try again later'), { responseCode: 421 }));
		},
		onData(stream, _session, callback) {
			simpleParser(stream)
				.then((mail) => {
					messages.push(mail);
					for (const wake of waiters) wake();
					callback();
				})
				.catch(callback);
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.server.address() as AddressInfo;

	return {
		url: `smtp://127.0.0.1:${port}`,
		messages,
		waitForMessage(predicate, timeoutMs = 5000) {
			return new Promise((resolve, reject) => {
				const check = () => {
					const found = messages.find(predicate);
					if (!found) return;
					cleanup();
					resolve(found);
				};
				const timer = setTimeout(() => {
					cleanup();
					reject(new Error(`No matching message within ${timeoutMs} ms`));
				}, timeoutMs);
				const cleanup = () => {
					clearTimeout(timer);
					waiters.delete(check);
				};
				waiters.add(check);
				check();
			});
		},
		setDown(value) {
			down = value;
		},
		stop: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
