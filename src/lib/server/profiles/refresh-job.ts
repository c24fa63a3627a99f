import { systemClock, type Clock } from '../clock';
import type { PeriodicJob } from '../jobs/periodic';
import { searchIndexTarget } from '../search-service/search-service';
import { refreshPublicProfilesIfStale } from './publish';

/**
 * Keeps the published set current on instances that run for days: availability is published as a
 * category relative to the day of publication, so a new day needs a new set even when no import came.
 * Within a day the check reads one row; a refresh mirrors its difference into this instance's index
 * (the others apply it from the change notifications, or their own index refresh).
 */
export function publicationRefreshJob(clock: Clock = systemClock): PeriodicJob {
	return {
		name: 'publication refresh',
		everyMs: 5 * 60_000,
		async run(app) {
			await refreshPublicProfilesIfStale(app.db.sql, {
				k: app.config.K_ANONYMITY,
				now: clock.now(),
				index: searchIndexTarget(),
				// Every 5 minutes: the calendar, not a pass over all candidates (see PublishOptions).
				checkCandidates: false
			});
		}
	};
}
