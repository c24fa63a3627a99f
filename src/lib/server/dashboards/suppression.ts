/**
 * Statistical disclosure control for the published tables (see docs/privacy.md, "Transparantiecijfers").
 *
 * Primary suppression: a count of 1 to 9 people is not shown. Zero is shown: it describes nobody.
 * Secondary suppression: a table whose rows add up to a total column and whose columns add up to a total
 * row could give a hidden cell back by subtraction. So every such sum (each row with its total, each
 * column with its total) holds either no hidden cell or at least two; where it would hold exactly one,
 * the smallest non-zero visible cell of that sum is hidden too, until nothing changes.
 */
export const SMALL_COUNT = 10;

/** A published count; null = hidden ("<10"). */
export type Cell = number | null;

export interface SuppressedTable {
	body: Cell[][];
	total: Cell[] | null;
}

export const isSmall = (n: number) => n > 0 && n < SMALL_COUNT;

/**
 * `body` rows end with their total column (the sum of the other cells); `total` is the column sums of
 * the body, or null when the table has no total row. `forcedTotal` hides total-row cells that another
 * published table already hides (the region's line in the national table), so the two never differ.
 */
export function suppressTable(
	body: number[][],
	total: number[] | null,
	forcedTotal?: boolean[]
): SuppressedTable {
	const hidden = body.map((row) => row.map(isSmall));
	const hiddenTotal = total?.map((n, j) => isSmall(n) || Boolean(forcedTotal?.[j])) ?? null;

	type Ref = { value: number; hide(): void; hidden: boolean; inTotalRow: boolean };
	const cell = (i: number, j: number): Ref => ({
		value: body[i][j],
		hidden: hidden[i][j],
		inTotalRow: false,
		hide: () => (hidden[i][j] = true)
	});
	const totalCell = (j: number): Ref => ({
		value: total![j],
		hidden: hiddenTotal![j],
		inTotalRow: true,
		hide: () => (hiddenTotal![j] = true)
	});
	const sums: (() => Ref[])[] = [];
	for (let i = 0; i < body.length; i++) sums.push(() => body[i].map((_, j) => cell(i, j)));
	if (total) {
		sums.push(() => total.map((_, j) => totalCell(j)));
		for (let j = 0; j < total.length; j++) sums.push(() => [...body.map((_, i) => cell(i, j)), totalCell(j)]);
	}

	let changed = true;
	while (changed) {
		changed = false;
		for (const sum of sums) {
			const cells = sum();
			if (cells.filter((c) => c.hidden).length !== 1) continue;
			const partner = pickPartner(cells);
			if (partner) {
				partner.hide();
				changed = true;
			}
		}
	}
	return {
		body: body.map((row, i) => row.map((n, j) => (hidden[i][j] ? null : n))),
		total: total ? total.map((n, j) => (hiddenTotal![j] ? null : n)) : null
	};
}

/** The total row is hidden only as a last resort: it is the figure readers look for first. */
function pickPartner<T extends { value: number; hidden: boolean; inTotalRow: boolean }>(
	cells: T[]
): T | undefined {
	const candidates = cells.filter((c) => !c.hidden && c.value > 0);
	const byValue = (a: T, b: T) => a.value - b.value;
	return (
		candidates.filter((c) => !c.inTotalRow).sort(byValue)[0] ??
		candidates.filter((c) => c.inTotalRow).sort(byValue)[0]
	);
}

/** How a hidden count reads on the page and in CSV files. */
export const HIDDEN_LABEL = '<10';
