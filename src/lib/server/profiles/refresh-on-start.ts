import type { StartupStep } from '../app';
import { STARTUP_DATA_LOCK, withClusterLock } from '../jobs/cluster-lock';
import { refreshPublicProfiles } from './publish';

/**
 * Availability is published as a category relative to the day of publication, and a new version may
 * publish fields at a different precision: the published set is recomputed at every start (only changed
 * documents are rewritten), as it is after every import.
 */
export const publicationRefreshStep: StartupStep = {
	name: 'publication-refresh',
	async start(app) {
		const [row] = await app.db.sql`select exists (select 1 from candidates) as has_candidates`;
		if (!row.has_candidates) return;
		// One instance at a time: the others then find little or nothing changed.
		await withClusterLock(app.db, STARTUP_DATA_LOCK, () =>
			refreshPublicProfiles(app.db.sql, { k: app.config.K_ANONYMITY })
		);
	}
};
