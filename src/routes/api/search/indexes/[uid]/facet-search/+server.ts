import { measured } from '$lib/server/metrics';
import { handleFacetSearch } from '$lib/server/search-service/public-endpoint';
import { searchEngine } from '$lib/server/search-service/search-service';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ params, request, getClientAddress, locals }) =>
	handleFacetSearch(
		() => measured(searchEngine()),
		params.uid,
		request,
		getClientAddress(),
		locals.requestId
	);
