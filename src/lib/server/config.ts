import * as v from 'valibot';

/**
 * Every environment variable the service reads, validated once at start-up. An empty value counts as
 * unset, so a `.env` line like `MEILI_URL=` does not switch anything on by accident.
 */
const url = (protocols: string[], expected: string) =>
	v.pipe(
		v.string(),
		v.url(`expected ${expected}`),
		v.check((value) => protocols.includes(new URL(value).protocol), `expected ${expected}`)
	);

const ConfigSchema = v.object({
	DATABASE_URL: v.optional(url(['postgres:', 'postgresql:'], 'a postgres:// URL')),
	DATA_DIR: v.optional(v.string(), './data'),
	MEILI_URL: v.optional(url(['http:', 'https:'], 'an http(s):// URL of the Meilisearch server')),
	MEILI_API_KEY: v.optional(v.string()),
	SMTP_URL: v.optional(url(['smtp:', 'smtps:'], 'an smtp:// or smtps:// URL')),
	MAIL_FROM: v.optional(
		v.pipe(v.string(), v.email('expected an e-mail address')),
		'noreply@kandidatenverkenner.example'
	),
	ORIGIN: v.optional(url(['http:', 'https:'], 'the public http(s):// origin of the site')),
	PORT: v.optional(
		v.pipe(
			v.string(),
			v.regex(/^\d{1,5}$/, 'expected a port number'),
			v.transform(Number),
			v.minValue(1, 'expected a port number from 1 to 65535'),
			v.maxValue(65535, 'expected a port number from 1 to 65535')
		),
		'3000'
	),
	// Off unless asked for: demo data comes with staff accounts whose password is in the README.
	// `npm start` (the try-out) asks for it; see scripts/serve.js.
	DEMO_DATA: v.optional(v.picklist(['on', 'off'], "expected 'on' or 'off'"), 'off'),
	DEMO_PROFILES: v.optional(
		v.pipe(v.string(), v.regex(/^\d+$/, 'expected a whole number'), v.transform(Number)),
		'20000'
	),
	K_ANONYMITY: v.optional(
		v.pipe(
			v.string(),
			v.regex(/^\d+$/, 'expected a whole number'),
			v.transform(Number),
			v.minValue(2, 'expected at least 2')
		),
		'5'
	),
	// Threads holding the embedded search index (each a full copy): 1 leaves the other core to the web
	// server; more help only with more cores.
	SEARCH_THREADS: v.optional(
		v.pipe(
			v.string(),
			v.regex(/^\d+$/, 'expected a whole number'),
			v.transform(Number),
			v.minValue(1, 'expected at least 1'),
			v.maxValue(16, 'expected at most 16')
		),
		'1'
	),
	/** Read by adapter-node too: the header holding the client address behind a proxy. */
	ADDRESS_HEADER: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]+$/, 'expected a header name'))),
	LOG_LEVEL: v.optional(
		v.picklist(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'expected a pino level')
	),
	/** Keeps altcha challenges valid across restarts and instances; without it each process makes a key. */
	ALTCHA_HMAC_KEY: v.optional(v.string()),
	/** Switches `/metrics` on: Prometheus must send it as a bearer token. Unset = no metrics endpoint. */
	METRICS_TOKEN: v.optional(v.pipe(v.string(), v.minLength(16, 'expected at least 16 characters'))),
	MIGRATIONS_DIR: v.optional(v.string(), 'migrations'),
	/** Set by Vitest: logs are silent in tests unless LOG_LEVEL says otherwise. */
	VITEST: v.optional(v.string()),
	/** The end-to-end build exposes its test-only routes (/__e2e/*) when this is '1'. */
	E2E: v.optional(v.string()),
	/** `npm run user:create` only: the new account's password, for automation. */
	USER_PASSWORD: v.optional(v.string())
});

export type Config = v.InferOutput<typeof ConfigSchema>;

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
	const known = Object.keys(ConfigSchema.entries);
	const input: Record<string, string> = {};
	for (const key of known) {
		const value = env[key]?.trim();
		if (value) input[key] = value;
	}
	const result = v.safeParse(ConfigSchema, input);
	if (!result.success) {
		const problems = result.issues.map((issue) => {
			const name = issue.path?.map((p) => String(p.key)).join('.') ?? '?';
			return `${name}: ${issue.message} (got ${JSON.stringify(input[name] ?? '')})`;
		});
		throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
	}
	return result.output;
}

let current: Config | undefined;

/** The validated configuration of this process (parsed on first use). */
export function config(): Config {
	current ??= parseConfig();
	return current;
}

/**
 * What stops a start of the built app. Mail links and the CSRF origin check need the public origin;
 * without it adapter-node takes the origin from each request's Host header, which anyone can set.
 * `npm start` sets ORIGIN for its try-out on http://localhost:PORT, so only production can miss it.
 */
export function startRefusals(cfg: Config): string[] {
	const refusals: string[] = [];
	if (!cfg.ORIGIN) {
		refusals.push(
			'ORIGIN is not set. Set it to the public address of the site, e.g. ORIGIN=https://kandidatenverkenner.nl ' +
				'(links in mails and the form origin check use it). To try the app out locally, run `npm start`.'
		);
	}
	return refusals;
}

/**
 * The pino level: LOG_LEVEL, else silent under Vitest and info otherwise. The logger is made before
 * start-up validates the configuration, so a wrong value here falls back to info: start-up then reports
 * the problem, through that logger.
 */
export function logLevel(): NonNullable<Config['LOG_LEVEL']> {
	try {
		const c = config();
		return c.LOG_LEVEL ?? (c.VITEST ? 'silent' : 'info');
	} catch (error) {
		if (error instanceof ConfigError) return 'info';
		throw error;
	}
}
