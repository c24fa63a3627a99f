import { describe, expect, it } from 'vitest';
import { suppressTable } from './suppression';

/** No row or column sum may hold exactly one hidden cell: that one could be computed. */
function expectNoSingleHidden(body: (number | null)[][], total: (number | null)[] | null) {
	const rows = total ? [...body, total] : body;
	for (const row of rows) expect(row.filter((c) => c === null).length).not.toBe(1);
	if (!total) return;
	for (let j = 0; j < total.length; j++) {
		expect(rows.map((r) => r[j]).filter((c) => c === null).length).not.toBe(1);
	}
}

describe('suppressTable', () => {
	it('shows a table without small numbers unchanged, zeros included', () => {
		const body = [
			[10, 0, 30, 40],
			[20, 0, 11, 31]
		];
		const result = suppressTable(body, [30, 0, 41, 71]);
		expect(result).toEqual({ body, total: [30, 0, 41, 71] });
	});

	it('hides 1 to 9 and a second cell in the row, never a zero', () => {
		const { body } = suppressTable([[5, 0, 40, 30, 75]], null);
		expect(body).toEqual([[null, 0, 40, null, 75]]);
	});

	it('hides the row total when the small cell is the only non-zero one besides it', () => {
		const { body } = suppressTable([[0, 0, 0, 12, 12]], null);
		expect(body).toEqual([[0, 0, 0, 12, 12]]);
		expect(suppressTable([[3, 0, 0, 0, 3]], null).body).toEqual([[null, 0, 0, 0, null]]);
	});

	it('hides a second cell in a column whose total is shown, then follows up in that row', () => {
		const body = [
			[4, 24, 71, 25, 124],
			[23, 79, 170, 32, 304],
			[36, 581, 782, 225, 1624]
		];
		const total = [63, 684, 1023, 282, 2052];
		const result = suppressTable(body, total);
		expect(result.body[0][0]).toBeNull();
		expect(result.total).toEqual(total);
		expectNoSingleHidden(result.body, result.total);
		// Every visible cell keeps its value.
		result.body.forEach((row, i) => row.forEach((c, j) => c !== null && expect(c).toBe(body[i][j])));
	});

	it('hides in the total row what another table hides there, and protects it within the body', () => {
		const body = [
			[30, 20, 50],
			[40, 10, 50]
		];
		const result = suppressTable(body, [70, 30, 100], [true, false, true]);
		expect(result.total).toEqual([null, 30, null]);
		expectNoSingleHidden(result.body, result.total);
	});

	it('keeps every row and column safe on random tables', () => {
		let seed = 7;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		for (let t = 0; t < 200; t++) {
			const body = Array.from({ length: 1 + Math.floor(random() * 8) }, () => {
				const cells = Array.from({ length: 4 }, () => Math.floor(random() ** 3 * 60));
				return [...cells, cells.reduce((a, b) => a + b, 0)];
			});
			const total = body[0].map((_, j) => body.reduce((s, r) => s + r[j], 0));
			const result = suppressTable(body, total);
			expectNoSingleHidden(result.body, result.total);
			result.body.forEach((row, i) =>
				row.forEach((c, j) => expect(c === null ? body[i][j] > 0 : c === body[i][j]).toBe(true))
			);
			body.forEach((row, i) =>
				row.forEach((n, j) => n > 0 && n < 10 && expect(result.body[i][j]).toBeNull())
			);
		}
	});
});
