import { app } from '$lib/server/app';
import { config } from '$lib/server/config';
import { metricsResponse } from '$lib/server/metrics';
import type { RequestHandler } from './$types';

/** Prometheus scrape target; 404 unless METRICS_TOKEN is set (see src/lib/server/metrics.ts). */
export const GET: RequestHandler = ({ request }) =>
	metricsResponse(request, config().METRICS_TOKEN, app().db.sql);
