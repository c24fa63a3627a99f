/**
 * Positions of the `k` smallest of keys[0 .. n), smallest first. Keys must be distinct. A bounded
 * max-heap: after the first k keys, most keys lose one comparison against the heap's top, so a page of
 * 20 out of 100k candidates costs one pass and no copy of the keys.
 */
export function smallestKeys(keys: Float64Array, n: number, k: number): number[] {
	const size = Math.min(k, n);
	if (size <= 0) return [];
	const heap = new Float64Array(size);
	const at = new Uint32Array(size);
	for (let i = 0; i < size; i++) {
		heap[i] = keys[i];
		at[i] = i;
		siftUp(heap, at, i);
	}
	for (let i = size; i < n; i++) {
		const key = keys[i];
		if (key >= heap[0]) continue;
		heap[0] = key;
		at[0] = i;
		siftDown(heap, at, size);
	}
	const order = Array.from(at);
	return order.sort((a, b) => keys[a] - keys[b]);
}

function siftUp(heap: Float64Array, at: Uint32Array, i: number): void {
	while (i > 0) {
		const parent = (i - 1) >>> 1;
		if (heap[parent] >= heap[i]) return;
		swap(heap, at, i, parent);
		i = parent;
	}
}

function siftDown(heap: Float64Array, at: Uint32Array, size: number): void {
	let i = 0;
	for (;;) {
		const left = 2 * i + 1;
		if (left >= size) return;
		const right = left + 1;
		const larger = right < size && heap[right] > heap[left] ? right : left;
		if (heap[i] >= heap[larger]) return;
		swap(heap, at, i, larger);
		i = larger;
	}
}

function swap(heap: Float64Array, at: Uint32Array, a: number, b: number): void {
	const key = heap[a];
	heap[a] = heap[b];
	heap[b] = key;
	const position = at[a];
	at[a] = at[b];
	at[b] = position;
}

/**
 * As smallestKeys, for keys that are costly to compute: `key(i)` is computed only where `bound(i)`, a
 * cheap lower bound of it, could still beat the k-th smallest key so far. Keys must be distinct.
 */
export function smallestKeysBounded(
	n: number,
	k: number,
	key: (i: number) => number,
	bound: (i: number) => number
): number[] {
	const size = Math.min(k, n);
	if (size <= 0) return [];
	const heap = new Float64Array(size);
	const at = new Uint32Array(size);
	for (let i = 0; i < size; i++) {
		heap[i] = key(i);
		at[i] = i;
		siftUp(heap, at, i);
	}
	for (let i = size; i < n; i++) {
		if (bound(i) >= heap[0]) continue;
		const value = key(i);
		if (value >= heap[0]) continue;
		heap[0] = value;
		at[0] = i;
		siftDown(heap, at, size);
	}
	const order = Array.from({ length: size }, (_, j) => j).sort((a, b) => heap[a] - heap[b]);
	return order.map((j) => at[j]);
}
