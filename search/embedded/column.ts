/**
 * A typed array filled one value at a time, for the build's arrays whose length is known only at the
 * end. Values go into chunks that are never copied while the column grows, and are assembled once into
 * an array of exactly their length.
 *
 * Why not doubling: every ArrayBuffer allocated counts towards V8's external-memory limit (64 MB between
 * full collections), and each full collection walks every document object on the heap. Doubling and
 * then slicing to size allocated about three times the final arrays: at 1M documents, dozens of full
 * collections of 1.5-4 s each during one build.
 */
type TypedColumn = Uint32Array | Uint8Array | Float64Array;

const SMALLEST_CHUNK = 1024;
const LARGEST_CHUNK = 1 << 20;

export class Column<T extends TypedColumn> {
	length = 0;
	private readonly full: T[] = [];
	private chunk: T;
	private used = 0;

	/** `expected`: the length if known (one chunk of exactly that size), else where to start. */
	constructor(
		private readonly make: (size: number) => T,
		expected = SMALLEST_CHUNK
	) {
		this.chunk = make(expected);
	}

	push(value: number): void {
		if (this.used === this.chunk.length) this.next();
		this.chunk[this.used++] = value;
		this.length++;
	}

	private next(): void {
		this.full.push(this.chunk);
		this.chunk = this.make(Math.min(Math.max(2 * this.chunk.length, SMALLEST_CHUNK), LARGEST_CHUNK));
		this.used = 0;
	}

	/** The values so far, as consecutive parts. */
	parts(): T[] {
		return [...this.full, this.chunk.subarray(0, this.used) as T];
	}

	/** The values in one array of exactly their length: the only chunk itself when it is full. */
	take(): T {
		if (this.full.length === 0 && this.used === this.chunk.length) return this.chunk;
		const out = this.make(this.length);
		let at = 0;
		for (const part of this.parts()) {
			out.set(part, at);
			at += part.length;
		}
		return out;
	}
}

export const uint32 = (size: number): Uint32Array => new Uint32Array(size);
export const uint8 = (size: number): Uint8Array => new Uint8Array(size);
export const float64 = (size: number): Float64Array => new Float64Array(size);
