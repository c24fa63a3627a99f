/** Positions of the `k` smallest keys, smallest first. Keys must be distinct. O(n) on average. */
export function smallestKeys(keys: Float64Array, k: number): number[] {
	const n = keys.length;
	if (k <= 0 || n === 0) return [];
	let threshold = Infinity;
	if (k < n) {
		const work = keys.slice();
		let lo = 0;
		let hi = n - 1;
		const target = k - 1;
		// Hoare-style quickselect: afterwards work[target] is the k-th smallest key.
		while (lo < hi) {
			const pivot = work[(lo + hi) >>> 1];
			let i = lo;
			let j = hi;
			while (i <= j) {
				while (work[i] < pivot) i++;
				while (work[j] > pivot) j--;
				if (i <= j) {
					const tmp = work[i];
					work[i] = work[j];
					work[j] = tmp;
					i++;
					j--;
				}
			}
			if (target <= j) hi = j;
			else if (target >= i) lo = i;
			else break;
		}
		threshold = work[target];
	}
	const picked: number[] = [];
	for (let i = 0; i < n; i++) if (keys[i] <= threshold) picked.push(i);
	return picked.sort((a, b) => keys[a] - keys[b]);
}
