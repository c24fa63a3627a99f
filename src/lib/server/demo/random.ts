/** A small seeded PRNG (mulberry32): fast, and the same seed gives the same demo file everywhere. */
export class Random {
	private state: number;
	constructor(seed: number) {
		this.state = seed >>> 0;
	}
	next(): number {
		let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}
	chance(p: number): boolean {
		return this.next() < p;
	}
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}
	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}
	weighted<T>(items: readonly (readonly [T, number])[]): T {
		const total = items.reduce((sum, [, w]) => sum + w, 0);
		let r = this.next() * total;
		for (const [item, w] of items) if ((r -= w) < 0) return item;
		return items[items.length - 1][0];
	}
	/** Up to `n` distinct items, earlier ones (the more typical) more likely. */
	some<T>(items: readonly T[], n: number): T[] {
		const pool = [...items];
		const out: T[] = [];
		while (out.length < n && pool.length > 0) {
			const i = Math.floor(this.next() ** 1.6 * pool.length);
			out.push(pool.splice(i, 1)[0]);
		}
		return out;
	}
}
