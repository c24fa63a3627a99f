/** Fixed-size bitsets over internal document numbers: filters and hit sets combine in a few µs each. */
export type Bitset = Uint32Array;

export function emptyBitset(size: number): Bitset {
	return new Uint32Array((size + 31) >>> 5);
}

export function fullBitset(size: number): Bitset {
	const bits = emptyBitset(size);
	bits.fill(0xffffffff);
	const rest = size & 31;
	if (rest !== 0) bits[bits.length - 1] = (1 << rest) - 1;
	return bits;
}

export function setBit(bits: Bitset, i: number): void {
	bits[i >>> 5] |= 1 << (i & 31);
}

export function andInto(target: Bitset, other: Bitset): void {
	for (let i = 0; i < target.length; i++) target[i] &= other[i];
}

export function orInto(target: Bitset, other: Bitset): void {
	for (let i = 0; i < target.length; i++) target[i] |= other[i];
}

/** `universe AND NOT bits`, in place: the complement within the documents that exist. */
export function complementInto(bits: Bitset, universe: Bitset): void {
	for (let i = 0; i < bits.length; i++) bits[i] = universe[i] & ~bits[i];
}

export function popcount(bits: Bitset): number {
	let count = 0;
	for (let i = 0; i < bits.length; i++) {
		let v = bits[i];
		v = v - ((v >>> 1) & 0x55555555);
		v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
		count += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
	}
	return count;
}

/** Set bits in ascending order. */
export function bitsetToIds(bits: Bitset): Uint32Array {
	const ids = new Uint32Array(popcount(bits));
	let n = 0;
	for (let w = 0; w < bits.length; w++) {
		let v = bits[w];
		while (v !== 0) {
			const low = v & -v;
			ids[n++] = (w << 5) + 31 - Math.clz32(low);
			v ^= low;
		}
	}
	return ids;
}

export function bitsetFromIds(size: number, ids: ArrayLike<number>): Bitset {
	const bits = emptyBitset(size);
	for (let i = 0; i < ids.length; i++) setBit(bits, ids[i]);
	return bits;
}
