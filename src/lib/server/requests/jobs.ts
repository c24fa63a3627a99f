import type { PeriodicJob } from '../jobs/periodic';
import { escalateOverdue } from './escalation';
import { siteOrigin } from './links';
import { requestClock } from './request-clock';
import { eraseExpiredSubmissions } from './retention';

export const ESCALATION_JOB = 'request escalation';

/** Overdue cases are escalated within a minute of their due time. */
export const escalationJob: PeriodicJob = {
	name: ESCALATION_JOB,
	everyMs: 60_000,
	run: (app) => escalateOverdue(app.db.sql, requestClock, siteOrigin())
};

/** Submissions past the retention period are erased hourly. */
export const retentionJob: PeriodicJob = {
	name: 'request retention',
	everyMs: 60 * 60_000,
	run: (app) => eraseExpiredSubmissions(app.db.sql, requestClock)
};
