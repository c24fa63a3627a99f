import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: 'build', precompress: true }),
		alias: { $search: 'search' },
		// The origin check is done by handleOriginCheck (src/lib/server/origin-check.ts), so that only the
		// one-click unsubscribe link can be exempt; kit's own check cannot exempt a path. Every other form
		// post must still come from our own pages.
		csrf: { trustedOrigins: ['*'] }
	}
};

export default config;
