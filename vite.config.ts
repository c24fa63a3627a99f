import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

/** Tests of what a user reads about dates: run once per time zone, so a server on UTC shows the same. */
const timeZoneTests = [
	'src/lib/time.test.ts',
	'src/lib/search-page/match-reasons.test.ts',
	'src/lib/search-page/search-query.test.ts',
	'src/lib/server/requests/due-time.test.ts',
	'src/lib/server/saved-searches/alert-schedule.test.ts'
];
const inTimeZone = (name: string, timeZone: string) => ({
	extends: './vite.config.ts',
	test: { name, environment: 'node', include: timeZoneTests, env: { TZ: timeZone } }
});

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 3000 },
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'server',
					environment: 'node',
					include: ['src/**/*.test.ts', 'search/**/*.test.ts', 'tests/integration/**/*.test.ts'],
					exclude: ['src/**/*.svelte.test.ts', ...timeZoneTests],
					// PGlite's initdb takes seconds; database tests get room without hiding real hangs.
					testTimeout: 60_000,
					hookTimeout: 120_000,
					globalSetup: ['tests/global-setup.ts']
				}
			},
			{
				extends: './vite.config.ts',
				plugins: [svelteTesting()],
				test: {
					name: 'client',
					environment: 'jsdom',
					include: ['src/**/*.svelte.test.ts']
				}
			},
			inTimeZone('tz-utc', 'UTC'),
			inTimeZone('tz-amsterdam', 'Europe/Amsterdam')
		]
	}
});
