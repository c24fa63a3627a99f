// `npm start` and `npm run preview`: the built app with production defaults that adapter-node reads from
// the environment at start-up. The body limit is raised for export uploads on the admin import page;
// src/lib/server/body-limit.ts keeps every other route at 1 MB. Production may run `node build` with the
// same variables set.
process.env.BODY_SIZE_LIMIT ??= '210M';
await import('../build/index.js');
