import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, startRefusals } from './config';

describe('parseConfig', () => {
	it('runs with nothing set: embedded database in ./data, port 3000', () => {
		const config = parseConfig({});
		expect(config.DATABASE_URL).toBeUndefined();
		expect(config.DATA_DIR).toBe('./data');
		expect(config.PORT).toBe(3000);
		expect(config.K_ANONYMITY).toBe(5);
	});

	it('treats an empty value as unset', () => {
		const config = parseConfig({ DATABASE_URL: '', MEILI_URL: '  ', PORT: '' });
		expect(config.DATABASE_URL).toBeUndefined();
		expect(config.MEILI_URL).toBeUndefined();
		expect(config.PORT).toBe(3000);
	});

	it('names the variable and what is expected when a value is wrong', () => {
		expect(() => parseConfig({ DATABASE_URL: 'mysql://x/y' })).toThrow(ConfigError);
		expect(() => parseConfig({ DATABASE_URL: 'mysql://x/y' })).toThrow(/DATABASE_URL: expected a postgres/);
		expect(() => parseConfig({ PORT: 'eighty' })).toThrow(/PORT: expected a port number/);
		expect(() => parseConfig({ PORT: '70000' })).toThrow(/PORT/);
		expect(() => parseConfig({ SMTP_URL: 'http://mail' })).toThrow(/SMTP_URL/);
	});

	it('accepts a production configuration', () => {
		const config = parseConfig({
			DATABASE_URL: 'postgres://app@db:5432/kv',
			MEILI_URL: 'http://search:7700',
			SMTP_URL: 'smtp://mail:25',
			ORIGIN: 'https://kandidatenverkenner.nl',
			PORT: '8080'
		});
		expect(config.PORT).toBe(8080);
		expect(config.MEILI_URL).toBe('http://search:7700');
	});

	it('leaves /metrics off without METRICS_TOKEN and refuses a guessable one', () => {
		expect(parseConfig({}).METRICS_TOKEN).toBeUndefined();
		expect(() => parseConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: expected at least 16/);
		expect(parseConfig({ METRICS_TOKEN: 'x'.repeat(32) }).METRICS_TOKEN).toBe('x'.repeat(32));
	});

	it('loads no demo data unless asked for', () => {
		expect(parseConfig({}).DEMO_DATA).toBe('off');
		expect(parseConfig({ DEMO_DATA: 'on' }).DEMO_DATA).toBe('on');
		expect(() => parseConfig({ DEMO_DATA: 'auto' })).toThrow(/DEMO_DATA: expected 'on' or 'off'/);
	});
});

describe('startRefusals', () => {
	it('refuses a start without the public origin, saying what to set', () => {
		expect(startRefusals(parseConfig({}))).toEqual([expect.stringMatching(/^ORIGIN is not set\. Set it to/)]);
		expect(startRefusals(parseConfig({ ORIGIN: 'https://kandidatenverkenner.nl' }))).toEqual([]);
	});
});
