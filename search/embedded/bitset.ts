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

/** Set bits in one 32-bit word. */
export function bitCount(word: number): number {
	let v = word - ((word >>> 1) & 0x55555555);
	v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
	return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function popcount(bits: Bitset): number {
	let count = 0;
	for (let i = 0; i < bits.length; i++) count += bitCount(bits[i]);
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

/** The set bits ranked offset .. offset + limit - 1 among all, ascending: a window of bitsetToIds. */
export function idsInWindow(bits: Bitset, offset: number, limit: number): number[] {
	const ids: number[] = [];
	let seen = 0;
	for (let w = 0; w < bits.length && ids.length < limit; w++) {
		let v = bits[w];
		if (v === 0) continue;
		const here = bitCount(v);
		if (seen + here <= offset) {
			seen += here;
			continue;
		}
		while (v !== 0 && ids.length < limit) {
			const low = v & -v;
			if (seen >= offset) ids.push((w << 5) + 31 - Math.clz32(low));
			seen++;
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
