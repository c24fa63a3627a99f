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
	DEMO_DATA: v.optional(v.picklist(['auto', 'off'], "expected 'auto' or 'off'"), 'auto'),
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
	LOG_LEVEL: v.optional(
		v.picklist(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'expected a pino level')
	),
	/** Keeps altcha challenges valid across restarts and instances; without it each process makes a key. */
	ALTCHA_HMAC_KEY: v.optional(v.string()),
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
