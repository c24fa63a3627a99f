/**
 * Creates a staff account from the command line, typically the first admin:
 *
 *   npm run user:create -- --email beheer@example.nl --role admin [--name "A. Beheerder"]
 *                          [--region AM01] [--coordinator]
 *
 * The password comes from, in this order: the environment variable USER_PASSWORD (for automation; unset
 * it afterwards), a hidden prompt when run in a terminal, or else nowhere: the script then prints a
 * one-time invitation link (valid 7 days) with which the person chooses name and password themselves.
 * The link is built from ORIGIN (default http://localhost:PORT).
 */
import { parseArgs } from 'node:util';
import { startApp, stopApp } from '../src/lib/server/app';
import { inviteUser } from '../src/lib/server/auth/invitation';
import { passwordProblem } from '../src/lib/server/auth/password';
import type { Role } from '../src/lib/server/auth/session-user';
import { createUser, EmailTakenError } from '../src/lib/server/auth/user';
import { recordAudit } from '../src/lib/server/audit';
import { systemClock } from '../src/lib/server/clock';
import { config } from '../src/lib/server/config';

const ROLES: Role[] = ['admin', 'wsp', 'intermediair'];

const { values } = parseArgs({
	options: {
		email: { type: 'string' },
		role: { type: 'string', default: 'admin' },
		name: { type: 'string' },
		region: { type: 'string' },
		coordinator: { type: 'boolean', default: false }
	}
});

function usage(problem: string): never {
	console.error(
		`${problem}\nUsage: npm run user:create -- --email <address> --role admin|wsp|intermediair [--name <name>] [--region AMxx] [--coordinator]`
	);
	process.exit(2);
}

const email = values.email?.trim() ?? '';
const role = values.role as Role;
if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) usage('--email must be an e-mail address.');
if (!ROLES.includes(role)) usage(`--role must be one of ${ROLES.join(', ')}.`);
if (values.region && !/^AM\d{2}$/.test(values.region)) usage('--region must be a region code like AM01.');

/** Reads a line without echoing it, so the password stays off the screen and out of the shell history. */
function promptHidden(question: string): Promise<string> {
	const stdin = process.stdin;
	process.stdout.write(question);
	stdin.setRawMode(true);
	stdin.resume();
	stdin.setEncoding('utf8');
	return new Promise((resolve, reject) => {
		let value = '';
		const finish = () => {
			stdin.off('data', onData);
			stdin.setRawMode(false);
			stdin.pause();
			process.stdout.write('\n');
		};
		const onData = (chunk: string) => {
			for (const char of chunk) {
				if (char === '\r' || char === '\n') return (finish(), resolve(value));
				if (char === '\u0003') return (finish(), reject(new Error('Cancelled')));
				value = char === '\u007f' || char === '\b' ? value.slice(0, -1) : value + char;
			}
		};
		stdin.on('data', onData);
	});
}

async function choosePassword(): Promise<string | undefined> {
	const fromEnv = config().USER_PASSWORD;
	if (fromEnv) {
		const problem = passwordProblem(fromEnv, email);
		if (problem) usage(`USER_PASSWORD is refused: ${problem}`);
		return fromEnv;
	}
	if (!process.stdin.isTTY) return undefined;
	for (;;) {
		const first = await promptHidden('Password (at least 12 characters): ');
		const problem = passwordProblem(first, email);
		if (problem) {
			console.error(problem);
			continue;
		}
		if ((await promptHidden('Repeat password: ')) === first) return first;
		console.error('The passwords differ; try again.');
	}
}

const password = await choosePassword();
const app = await startApp();
try {
	const { sql } = app.db;
	const account = { email, role, regionCode: values.region ?? null, isCoordinator: values.coordinator };
	if (password) {
		const user = await createUser(sql, { ...account, name: values.name ?? email.split('@')[0], password });
		await recordAudit(sql, {
			userId: null,
			action: 'user-created',
			subjectType: 'user',
			subjectId: user.id,
			details: { role }
		});
		console.log(`Created ${role} account ${user.id}. Log in at /inloggen.`);
	} else {
		const result = await inviteUser(sql, systemClock, { ...account, invitedBy: null });
		if (!result.ok) throw new EmailTakenError();
		const origin = app.config.ORIGIN ?? `http://localhost:${app.config.PORT}`;
		console.log(`Created ${role} account ${result.userId} without a password.`);
		console.log(
			`One-time link (valid 7 days), give it to the person only:\n${origin}/uitnodiging/${result.token}`
		);
	}
} catch (error) {
	if (error instanceof EmailTakenError) console.error('An account with this e-mail address exists already.');
	else console.error(error);
	process.exitCode = 1;
} finally {
	await stopApp();
}
