/**
 * Long CPU work on the web thread, cut into slices: the work is a generator that yields at points where
 * it may pause, and `runCooperatively` gives the event loop a turn whenever a slice has run for
 * `sliceMs`, so requests (`/healthz` among them) are answered in between. `runToEnd` runs the same
 * generator without pausing, for callers that have nothing else to serve (tests, the benchmark).
 */
export type Steps<T> = Generator<void, T, void>;

export const SLICE_MS = 5;

export function runToEnd<T>(steps: Steps<T>): T {
	for (;;) {
		const next = steps.next();
		if (next.done) return next.value;
	}
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function runCooperatively<T>(steps: Steps<T>, sliceMs = SLICE_MS): Promise<T> {
	let sliceStart = performance.now();
	for (;;) {
		const next = steps.next();
		if (next.done) return next.value;
		if (performance.now() - sliceStart >= sliceMs) {
			await turn();
			sliceStart = performance.now();
		}
	}
}

/**
 * A stable sort as steps (a bottom-up merge sort that may pause after each run of merges): the same
 * order as `Array.prototype.sort` with the same comparison, without one long pause on a big array.
 */
export function* sortSteps<T>(items: readonly T[], compare: (a: T, b: T) => number): Steps<T[]> {
	let from = [...items];
	let to = new Array<T>(from.length);
	const n = from.length;
	for (let width = 1; width < n; width *= 2) {
		let merged = 0;
		for (let lo = 0; lo < n; lo += 2 * width) {
			const mid = Math.min(lo + width, n);
			const hi = Math.min(lo + 2 * width, n);
			let i = lo;
			let j = mid;
			let out = lo;
			while (i < mid && j < hi) to[out++] = compare(from[j], from[i]) < 0 ? from[j++] : from[i++];
			while (i < mid) to[out++] = from[i++];
			while (j < hi) to[out++] = from[j++];
			merged += hi - lo;
			if (merged >= SORT_RUN) {
				merged = 0;
				yield;
			}
		}
		[from, to] = [to, from];
	}
	return from;
}

// Elements merged between two points where a sort may pause.
const SORT_RUN = 8192;
