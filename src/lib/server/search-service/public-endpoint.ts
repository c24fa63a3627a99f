import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import {
	SearchError,
	validateFacetSearch,
	validateMultiSearch,
	type SearchEngine
} from '../../../../search/index';
import { log } from '../log';

/**
 * The public search API in Meilisearch's wire format, for the public profile index only. Every body is
 * validated before an engine sees it; in Meilisearch mode the engine adapter adds the server-side key,
 * so no key ever reaches a browser.
 */
export const MAX_BODY_BYTES = 64 * 1024;

// InstantSearch sends one request per keystroke (with 1-4 queries); 60 per 10 s is far above a person
// typing and well below a scraper.
const limiter = new RateLimiterMemory({ points: 60, duration: 10 });

const headers = { 'content-type': 'application/json', 'cache-control': 'no-store' };

function errorResponse(error: SearchError): Response {
	return new Response(JSON.stringify(error.toJSON()), { status: error.status, headers });
}

async function readJson(request: Request): Promise<unknown> {
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > MAX_BODY_BYTES) throw tooLarge();
	const reader = request.body?.getReader();
	if (!reader) throw new SearchError('bad_request', 'A JSON body is required.');
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > MAX_BODY_BYTES) {
			await reader.cancel();
			throw tooLarge();
		}
		chunks.push(value);
	}
	const text = Buffer.concat(chunks).toString('utf8');
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

async function limit(clientAddress: string): Promise<void> {
	try {
		await limiter.consume(clientAddress);
	} catch (result) {
		if (!(result instanceof RateLimiterRes)) throw result;
		throw new SearchError(
			'too_many_search_requests',
			'Too many search requests. Try again in a few seconds.',
			{
				status: 429
			}
		);
	}
}

async function answer(work: () => Promise<unknown>, requestId: string): Promise<Response> {
	try {
		return new Response(JSON.stringify(await work()), { status: 200, headers });
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
	requestId: string
): Promise<Response> {
	return answer(async () => {
		await limit(clientAddress);
		const body = validateMultiSearch(await readJson(request));
		return engine().multiSearch(body);
	}, requestId);
}

export function handleFacetSearch(
	engine: () => SearchEngine,
	indexUid: string,
	request: Request,
	clientAddress: string,
	requestId: string
): Promise<Response> {
	return answer(async () => {
		await limit(clientAddress);
		const body = validateFacetSearch(indexUid, await readJson(request));
		return engine().facetSearch(indexUid, body);
	}, requestId);
}
