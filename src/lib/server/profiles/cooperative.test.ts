import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCooperatively, runToEnd, sortSteps, type Steps } from './cooperative';

function* countTo(n: number, log: string[]): Steps<number> {
	for (let i = 0; i < n; i++) {
		log.push(`step ${i}`);
		yield;
	}
	return n;
}

describe('cooperative work', () => {
	it('lets other callbacks run between slices, and gives the same result as running to the end', async () => {
		const log: string[] = [];
		setImmediate(() => log.push('other work'));
		expect(await runCooperatively(countTo(3, log), 0)).toBe(3);
		expect(log.indexOf('other work')).toBeGreaterThan(0);
		expect(log.indexOf('other work')).toBeLessThan(log.length - 1);

		const alone: string[] = [];
		setImmediate(() => alone.push('other work'));
		expect(runToEnd(countTo(3, alone))).toBe(3);
		expect(alone).not.toContain('other work');
	});

	it('sorts in steps exactly as Array.prototype.sort does, ties in their original order', () => {
		fc.assert(
			fc.property(fc.array(fc.record({ key: fc.integer({ min: 0, max: 20 }), at: fc.nat() })), (items) => {
				const compare = (a: { key: number }, b: { key: number }) => a.key - b.key;
				expect(runToEnd(sortSteps(items, compare))).toEqual([...items].sort(compare));
			}),
			{ numRuns: 300 }
		);
		const big = Array.from({ length: 20_000 }, (_, i) => `KV-${(i * 7919) % 20_011}`);
		const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
		expect(runToEnd(sortSteps(big, byString))).toEqual([...big].sort(byString));
	});
});
