import { error, type Handle } from '@sveltejs/kit';
import { isFormBody } from './control-characters';

/**
 * adapter-node applies one body limit to every route (BODY_SIZE_LIMIT). Exports for the admin import page
 * can be tens of megabytes, so that limit is raised (see scripts/serve.js); this handle keeps every other
 * route at 1 MB, so nobody can make a public form buffer a huge body. It runs after authentication.
 *
 * `Content-Length` alone proves nothing: a chunked upload declares no length. So the bytes are counted
 * as they arrive, and reading stops at the first byte past the limit.
 */
export const DEFAULT_MAX_BODY = 1024 * 1024;
export const UPLOAD_MAX_BODY = 210 * 1024 * 1024;

const TOO_LARGE = 'Wat u verstuurt is te groot.';

/**
 * Routes that read their own body within a smaller limit, counting bytes as they arrive (the public
 * search API: 64 KB, `MAX_BODY_BYTES`). Buffering their bodies here as well read each body twice and built
 * a second Request: about 5 % of the web thread's time per search in a CPU profile. Form bodies still pass through
 * here, because the control-character check reads forms before any route does.
 */
export const SELF_BOUNDED_ROUTES = new Set([
	'/api/search/multi-search',
	'/api/search/indexes/[uid]/facet-search'
]);

export function maxBodyFor(routeId: string | null, role: string | undefined): number {
	return routeId?.startsWith('/beheer/import') && role === 'admin' ? UPLOAD_MAX_BODY : DEFAULT_MAX_BODY;
}

/**
 * The whole body, or null as soon as more than `max` bytes have come in. The stream is released, not
 * cancelled: cancelling would drop the connection before the answer is sent. Node discards the rest.
 */
export async function readAtMost(body: ReadableStream<Uint8Array>, max: number): Promise<Buffer | null> {
	const reader = body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > max) {
			reader.releaseLock();
			return null;
		}
		chunks.push(value);
	}
	return Buffer.concat(chunks, size);
}

/** The whole body, or a 413 as soon as more than `max` bytes have come in. */
export async function readBodyWithin(body: ReadableStream<Uint8Array>, max: number): Promise<ArrayBuffer> {
	const bytes = await readAtMost(body, max);
	if (!bytes) error(413, TOO_LARGE);
	return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

export const handleBodyLimit: Handle = async ({ event, resolve }) => {
	const max = maxBodyFor(event.route.id, event.locals.user?.role);
	const declared = Number(event.request.headers.get('content-length') ?? 0);
	if (declared > max) error(413, TOO_LARGE);
	const { request } = event;
	if (
		SELF_BOUNDED_ROUTES.has(event.route.id ?? '') &&
		!isFormBody(request.headers.get('content-type') ?? '')
	) {
		return resolve(event);
	}
	// The admin upload streams on to the import, bounded by adapter-node's own (higher) limit.
	if (request.body && max === DEFAULT_MAX_BODY) {
		const body = await readBodyWithin(request.body, max);
		event.request = new Request(request.url, {
			method: request.method,
			headers: request.headers,
			body,
			signal: request.signal
		});
	}
	return resolve(event);
};
