import type { AppContext, StartupStep } from './app';
import { STARTUP_DATA_LOCK, withClusterLock } from './jobs/cluster-lock';
import { loadDemoData } from './demo/load-demo';
import { createDemoStaff } from './demo-staff';
import { log } from './log';

/**
 * A newcomer's first `npm start` shows a living service: with DEMO_DATA=on (which `npm start` sets) and no
 * candidates yet, a deterministic demo export goes through the real import. Unset means off.
 */
export const demoDataStep: StartupStep = {
	name: 'demo-data',
	async start(app) {
		if (app.config.DEMO_DATA !== 'on') return;
		// Instances starting together on an empty database: the first loads, the others then find data.
		await withClusterLock(app.db, STARTUP_DATA_LOCK, () => loadIfEmpty(app));
	}
};

async function loadIfEmpty(app: AppContext): Promise<void> {
	const staff = await createDemoStaff(app.db.sql);
	if (staff) log.warn({ accounts: staff }, 'demo staff accounts created with the documented demo password');
	const [row] = await app.db.sql`select exists (select 1 from candidates) as has_candidates`;
	if (row.has_candidates) return;
	log.warn(
		{ profiles: app.config.DEMO_PROFILES },
		'empty database: loading demo data (DEMO_DATA=on; never in production)'
	);
	const summary = await loadDemoData(app.db.sql, {
		profiles: app.config.DEMO_PROFILES,
		seed: 42,
		kAnonymity: app.config.K_ANONYMITY
	});
	log.info(
		{ read: summary.rowsRead, created: summary.created, rejected: summary.rejected },
		'demo data loaded'
	);
}
