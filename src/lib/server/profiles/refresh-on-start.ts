import type { StartupStep } from '../app';
import { STARTUP_DATA_LOCK, withClusterLock } from '../jobs/cluster-lock';
import { log } from '../log';
import { searchIndexTarget } from '../search-service/search-service';
import { refreshPublicProfiles } from './publish';

/**
 * Availability is published as a category relative to the day of publication, and a new version may
 * publish fields at a different precision: the published set is recomputed at every start (only changed
 * documents are rewritten, and mirrored into the search index), as it is after every import.
 *
 * It runs in the background, after search is up: on 100,000 profiles the recomputation took longer than
 * building the index, and until it is done the service shows the set it showed before the restart, which
 * was public already. Stopping waits for it, so it never outlives the database or the index.
 */
export function publicationRefreshStep(refresh = refreshPublicProfiles): StartupStep {
	let running: Promise<void> | undefined;
	return {
		name: 'publication-refresh',
		async start(app) {
			running = (async () => {
				const [row] = await app.db.sql`select exists (select 1 from candidates) as has_candidates`;
				if (!row.has_candidates) return;
				// One instance at a time: the others then find little or nothing changed.
				await withClusterLock(app.db, STARTUP_DATA_LOCK, () =>
					refresh(app.db.sql, { k: app.config.K_ANONYMITY, index: searchIndexTarget() })
				);
			})().catch((err) =>
				log.error({ err }, 'publication refresh at start-up failed; the previously published set stays')
			);
		},
		async stop() {
			await running;
			running = undefined;
		}
	};
}
