import type { StartupStep } from './app';
import { demoDataStep } from './demo-on-empty';
import { publicationRefreshStep } from './profiles/refresh-on-start';
import { mailWorkerStep } from './mail/register';
import { requestJobsStep } from './requests/register';
import { savedSearchAlertsStep } from './saved-searches/register';
import { searchStep } from './search-service/register';

/**
 * What the service starts after connecting and migrating, in this order. Demo data comes first: the
 * search index is built from what it publishes; the background jobs come last, once search answers.
 */
export const startupSteps: readonly StartupStep[] = [
	demoDataStep,
	publicationRefreshStep,
	searchStep,
	mailWorkerStep,
	requestJobsStep,
	savedSearchAlertsStep
];
