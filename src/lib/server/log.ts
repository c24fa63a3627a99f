import pino from 'pino';
import { logLevel } from './config';

/**
 * Structured JSON logs. Personal data never goes in: log ids, counts and codes, not names, e-mail
 * addresses, phone numbers or free text. The redact list is a safety net for mistakes, not a licence.
 */
export const log = pino({
	level: logLevel(),
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
