import type { StartupStep } from '../app';
import { STARTUP_DATA_LOCK, withClusterLock } from '../jobs/cluster-lock';
import { log } from '../log';
import { currentInputs, recordedInputs, staleness } from './publication-state';
import { refreshPublicProfilesIfStale } from './publish';

/**
 * A new version may publish fields at a different precision and k may have changed: before search is
 * built, the published set is recomputed unless nothing it is computed from changed since the last
 * refresh (publication-state.ts). When only the day moved on (availability is a category relative to
 * the day of publication), the service starts with the set it published before, which was public and
 * k-anonymous already, and the periodic job (refresh-job.ts) brings it up to date once search answers.
 */
export const publicationRefreshStep: StartupStep = {
	name: 'publication-refresh',
	async start(app) {
		const { sql } = app.db;
		const [row] = await sql`select exists (select 1 from candidates) as has_candidates`;
		if (!row.has_candidates) return;
		const k = app.config.K_ANONYMITY;
		// One instance at a time: the others then find the set current.
		await withClusterLock(app.db, STARTUP_DATA_LOCK, async () => {
			const state = staleness(await recordedInputs(sql), await currentInputs(sql, k, new Date()));
			if (state === 'inputs') await refreshPublicProfilesIfStale(sql, { k });
			else log.info({ state }, 'published set kept at start-up');
		});
	}
};
