import type { StartupStep } from './app';
import { demoDataStep } from './demo-on-empty';
import { periodicJobsStep } from './jobs/periodic';
import { outboxJob } from './mail/worker';
import { publicationRefreshJob } from './profiles/refresh-job';
import { publicationRefreshStep } from './profiles/refresh-on-start';
import { rateLimitCleanupJob } from './rate-limit/rate-limit';
import { usedChallengesCleanupJob } from './requests/abuse';
import { escalationJob, retentionJob } from './requests/jobs';
import { savedSearchAlertsJob } from './saved-searches/jobs';
import { searchIndexRefreshJob, searchStep } from './search-service/register';

/**
 * What the service starts after connecting and migrating, in this order. Demo data comes first: the
 * search index is built from what it publishes; the background jobs come last, once search answers.
 * Jobs of scope `cluster` run once per period across all instances; see jobs/periodic.ts.
 */
export const startupSteps: readonly StartupStep[] = [
	demoDataStep,
	publicationRefreshStep,
	searchStep,
	periodicJobsStep('background jobs', [
		outboxJob(),
		escalationJob,
		retentionJob,
		savedSearchAlertsJob,
		rateLimitCleanupJob,
		usedChallengesCleanupJob,
		searchIndexRefreshJob,
		publicationRefreshJob()
	])
];
