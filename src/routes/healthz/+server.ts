import { json } from '@sveltejs/kit';

/** Liveness: the process answers. Nothing else is checked, so a slow database never restarts us. */
export const GET = () => json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
