import pino from 'pino';

/**
 * Structured JSON logs. Personal data never goes in: log ids, counts and codes, not names, e-mail
 * addresses, phone numbers or free text. The redact list is a safety net for mistakes, not a licence.
 */
export const log = pino({
	level: process.env.LOG_LEVEL?.trim() || (process.env.VITEST ? 'silent' : 'info'),
	base: { service: 'kandidatenverkenner' },
	redact: {
		paths: [
			'email',
			'*.email',
			'phone',
			'*.phone',
			'password',
			'*.password',
			'token',
			'*.token',
			'klantnummer',
			'*.klantnummer',
			'req.headers.cookie',
			'req.headers.authorization'
		],
		censor: '[redacted]'
	}
});

export type Logger = typeof log;
