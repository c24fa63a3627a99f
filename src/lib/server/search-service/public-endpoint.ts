import {
	SearchError,
	validateFacetSearch,
	validateMultiSearch,
	type SearchEngine
} from '../../../../search/index';
import { readAtMost } from '../body-limit';
import { log } from '../log';
import { RateLimit } from '../rate-limit/rate-limit';

/**
 * The public search API in Meilisearch's wire format, for the public profile index only. Every body is
 * validated before an engine sees it; in Meilisearch mode the engine adapter adds the server-side key,
 * so no key ever reaches a browser.
 */
export const MAX_BODY_BYTES = 64 * 1024;

// InstantSearch sends one request per keystroke (with 1-4 queries); 60 per 10 s is far above a person
// typing and well below a scraper. Shared by all instances on PostgreSQL, like every limit.
export const searchLimit = new RateLimit('search', { points: 60, windowSeconds: 10 }, undefined, {
	memoryOnEmbedded: true
});

const headers = { 'content-type': 'application/json', 'cache-control': 'no-store' };

function errorResponse(error: SearchError): Response {
	return new Response(JSON.stringify(error.toJSON()), { status: error.status, headers });
}

async function readJson(request: Request): Promise<unknown> {
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > MAX_BODY_BYTES) throw tooLarge();
	if (!request.body) throw new SearchError('bad_request', 'A JSON body is required.');
	const bytes = await readAtMost(request.body, MAX_BODY_BYTES);
	if (!bytes) throw tooLarge();
	const text = bytes.toString('utf8');
	try {
		return JSON.parse(text);
	} catch {
		throw new SearchError('bad_request', 'The JSON payload provided is malformed.');
	}
}

function tooLarge(): SearchError {
	return new SearchError('payload_too_large', `The request body is larger than ${MAX_BODY_BYTES} bytes.`, {
		status: 413
	});
}

async function limit(limiter: RateLimit, clientAddress: string): Promise<void> {
	if ((await limiter.consume(clientAddress)).allowed) return;
	throw new SearchError('too_many_search_requests', 'Too many search requests. Try again in a few seconds.', {
		status: 429
	});
}

/** `work` resolves to the response body: JSON text as it is, anything else serialised here. */
async function answer(work: () => Promise<unknown>, requestId: string): Promise<Response> {
	try {
		const body = await work();
		return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status: 200, headers });
	} catch (error) {
		if (error instanceof SearchError && error.status < 500) return errorResponse(error);
		log.error({ err: error, requestId }, 'public search failed');
		return errorResponse(
			new SearchError('search_unavailable', 'Search is temporarily unavailable.', { status: 503 })
		);
	}
}

export function handleMultiSearch(
	engine: () => SearchEngine,
	request: Request,
	clientAddress: string,
	requestId: string,
	limiter: RateLimit = searchLimit
): Promise<Response> {
	return answer(async () => {
		await limit(limiter, clientAddress);
		const body = validateMultiSearch(await readJson(request));
		const target = engine();
		return target.multiSearchJson ? target.multiSearchJson(body) : target.multiSearch(body);
	}, requestId);
}

export function handleFacetSearch(
	engine: () => SearchEngine,
	indexUid: string,
	request: Request,
	clientAddress: string,
	requestId: string,
	limiter: RateLimit = searchLimit
): Promise<Response> {
	return answer(async () => {
		await limit(limiter, clientAddress);
		const body = validateFacetSearch(indexUid, await readJson(request));
		return engine().facetSearch(indexUid, body);
	}, requestId);
}
