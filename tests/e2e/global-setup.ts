import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { SMTPServer } from 'smtp-server';
import { E2E_MAIL_DIR } from './mailbox';

const port = Number(process.env.E2E_PORT ?? 4173);

/**
 * Starts, for the whole e2e run: a real SMTP server that stores each message as an .eml file, a fresh
 * database (a new one on the PostgreSQL server when DATABASE_URL is set, else a new embedded data dir),
 * and the built app (`node build`) configured to use both. Returns the teardown.
 */
export default async function globalSetup() {
	if (!existsSync('build/index.js')) throw new Error('Run `npm run build` before the e2e tests.');
	rmSync(E2E_MAIL_DIR, { recursive: true, force: true });
	mkdirSync(E2E_MAIL_DIR, { recursive: true });

	let count = 0;
	const smtp = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onData(stream, _session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', () => {
				const name = `${Date.now()}-${String(++count).padStart(4, '0')}.eml`;
				writeFileSync(join(E2E_MAIL_DIR, name), Buffer.concat(chunks));
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
	const smtpPort = (smtp.server.address() as { port: number }).port;

	const env: Record<string, string> = {
		...(process.env as Record<string, string>),
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: `http://127.0.0.1:${port}`,
		SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
		DEMO_DATA: 'on',
		DEMO_PROFILES: process.env.E2E_DEMO_PROFILES ?? '3000',
		LOG_LEVEL: 'warn',
		E2E: '1'
	};
	let dropDatabase = async () => {};
	let dataDir: string | undefined;
	if (process.env.DATABASE_URL) {
		const name = `kv_e2e_${Date.now().toString(36)}`;
		const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database ${name}`);
		const url = new URL(process.env.DATABASE_URL);
		url.pathname = `/${name}`;
		env.DATABASE_URL = url.toString();
		dropDatabase = async () => {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		};
	} else {
		dataDir = mkdtempSync(join(tmpdir(), 'kv-e2e-'));
		delete env.DATABASE_URL;
		env.DATA_DIR = dataDir;
	}
	process.env.E2E_DATABASE_URL = env.DATABASE_URL ?? '';

	const server = spawn(process.execPath, ['scripts/serve.js'], {
		env,
		stdio: ['ignore', 'inherit', 'inherit']
	});
	await waitUntilReady(server, `http://127.0.0.1:${port}/readyz`, 180_000);

	return async () => {
		server.kill('SIGTERM');
		await new Promise((r) => server.once('exit', r));
		await new Promise<void>((r) => smtp.close(() => r()));
		await dropDatabase();
		if (dataDir) rmSync(dataDir, { recursive: true, force: true });
	};
}

async function waitUntilReady(server: ChildProcess, url: string, timeoutMs: number) {
	const until = Date.now() + timeoutMs;
	let exited = false;
	server.once('exit', () => (exited = true));
	while (Date.now() < until) {
		if (exited) throw new Error('The app exited during start-up; see its log above.');
		try {
			const res = await fetch(url);
			if (res.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(`The app did not become ready at ${url} within ${timeoutMs / 1000} s`);
}
