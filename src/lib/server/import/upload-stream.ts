import { randomBytes } from 'node:crypto';
import { createWriteStream, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import Busboy from '@fastify/busboy';
import { MAX_UPLOAD_BYTES } from './import-upload';

export interface UploadFormOptions {
	full: boolean;
	strict: boolean;
}

export type SpooledUpload =
	| ({ ok: true; path: string; fileName: string; bytes: number } & UploadFormOptions)
	| ({ ok: false; message: string } & UploadFormOptions);

const NO_FILE = 'Kies een bestand om te importeren.';
const TOO_LARGE = 'Het bestand is groter dan 200 MB. Splits het bestand of gebruik de opdrachtregel.';
const NOT_CSV = 'Kies een CSV-bestand (eindigt op .csv).';
const INCOMPLETE = 'Het bestand is niet volledig aangekomen. Probeer het opnieuw.';

/**
 * Reads the upload form of /beheer/import as it arrives: the file part goes straight to a private temp
 * file and is never held in memory (`request.formData()` would hold all 200 MB), the option fields are
 * read on the way. The browser sends the fields in form order, file first, so the options are only known
 * at the end; the import starts after this returns. On a refusal nothing is left on disk.
 */
export async function spoolMultipartUpload(
	request: Request,
	{ dir = tmpdir(), maxBytes = MAX_UPLOAD_BYTES }: { dir?: string; maxBytes?: number } = {}
): Promise<SpooledUpload> {
	const options: UploadFormOptions = { full: false, strict: false };
	const contentType = request.headers.get('content-type') ?? '';
	if (!request.body || !/^multipart\/form-data\b/i.test(contentType)) {
		return { ok: false, message: NO_FILE, ...options };
	}
	let busboy: ReturnType<typeof Busboy>;
	try {
		busboy = Busboy({
			headers: { 'content-type': contentType },
			// One more byte than allowed, so an oversized file shows as truncated rather than as exactly 200 MB.
			limits: { files: 1, fileSize: maxBytes + 1, fields: 10, fieldSize: 1024, parts: 12 }
		});
	} catch {
		return { ok: false, message: NO_FILE, ...options }; // e.g. a multipart type without a boundary
	}

	const path = join(dir, `kv-upload-${randomBytes(8).toString('hex')}.csv`);
	let fileName = '';
	let bytes = 0;
	let refusal: string | null = null;
	const writes: Promise<void>[] = [];

	busboy.on('field', (name, value) => {
		if (name === 'volledig') options.full = value === 'on';
		if (name === 'streng') options.strict = value === 'on';
	});
	busboy.on('file', (name, stream, filename) => {
		if (name !== 'bestand' || !/\.(csv|txt)$/i.test(filename ?? '')) {
			if (name === 'bestand' && filename) refusal = NOT_CSV;
			stream.resume();
			return;
		}
		fileName = filename;
		const count = new Transform({
			transform(chunk: Buffer, _encoding, done) {
				bytes += chunk.length;
				done(null, chunk);
			}
		});
		writes.push(
			pipeline(stream, count, createWriteStream(path, { mode: 0o600 })).then(() => {
				if (stream.truncated) refusal = TOO_LARGE;
			})
		);
	});

	let unreadable: unknown;
	try {
		await pipeline(Readable.fromWeb(request.body as WebReadableStream), busboy);
	} catch (error) {
		// A malformed form, an upload broken off, or past adapter-node's own limit (413): the sender's
		// problem, answered in Dutch. A failing disk (below) is ours, and stays an error.
		unreadable = error;
	}
	const written = await Promise.allSettled(writes);
	const diskFailure = written.find((w) => w.status === 'rejected');
	if (diskFailure && !unreadable) {
		rmSync(path, { force: true });
		throw diskFailure.reason;
	}
	if (unreadable) {
		const tooLarge = refusal === TOO_LARGE || (unreadable as { status?: number }).status === 413;
		refusal = tooLarge ? TOO_LARGE : INCOMPLETE;
	}
	if (!refusal && (!fileName || bytes === 0)) refusal = NO_FILE;
	if (refusal) {
		rmSync(path, { force: true });
		return { ok: false, message: refusal, ...options };
	}
	return { ok: true, path, fileName, bytes, ...options };
}
