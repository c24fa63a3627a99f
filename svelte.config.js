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
		csrf: { trustedOrigins: ['*'] },
		// Scripts only from our own origin, each inline one with a nonce (hashes on prerendered pages).
		// Styles allow inline: Svelte's style: directives render style attributes, which a nonce cannot
		// cover, and styles cannot run code. The altcha widget solves its puzzle in a worker made from a blob.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'form-action': ['self'],
				'frame-ancestors': ['none'],
				'base-uri': ['self'],
				'object-src': ['none']
			}
		}
	}
};

export default config;
