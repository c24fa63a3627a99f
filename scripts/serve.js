// `npm run preview` and production: the built app with the variables adapter-node reads at start-up. The
// body limit is raised for export uploads on the admin import page; src/lib/server/body-limit.ts keeps
// every other route at 1 MB. Production may run `node build` with the same variables set.
//
// `npm start` passes --try-out: the README's first start on http://localhost:3000 with no variables set.
// It asks for demo data and takes http://localhost:PORT as the public origin, so the form origin check
// accepts the browser there and mail links point there. A start without --try-out and without ORIGIN is
// refused (src/lib/server/config.ts), as is demo data unless DEMO_DATA=on.
// This launcher only fills in adapter-node's environment before it starts; the app reads its settings
// through src/lib/server/config.ts.
process.env.BODY_SIZE_LIMIT ??= '210M';
if (process.argv.includes('--try-out')) {
	process.env.DEMO_DATA ||= 'on';
	process.env.ORIGIN ||= `http://localhost:${process.env.PORT || 3000}`;
}
await import('../build/index.js');
