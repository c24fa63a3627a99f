import { measured } from '$lib/server/metrics';
import { handleMultiSearch } from '$lib/server/search-service/public-endpoint';
import { searchEngine } from '$lib/server/search-service/search-service';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ request, getClientAddress, locals }) =>
	handleMultiSearch(() => measured(searchEngine()), request, getClientAddress(), locals.requestId);
