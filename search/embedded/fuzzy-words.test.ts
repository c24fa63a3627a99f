import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzyWords } from './fuzzy-words';

/** Optimal string alignment distance, written plainly. */
function distance(a: string, b: string): number {
	const d = Array.from({ length: a.length + 1 }, (_, i) =>
		Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
	);
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
				d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
		}
	}
	return d[a.length][b.length];
}

/** Meilisearch's count: the distance, one more when the first letter differs. */
function typos(word: string, query: string, prefix: boolean): number {
	const penalty = word[0] === query[0] ? 0 : 1;
	if (!prefix) return distance(word, query) + penalty;
	let best = Infinity;
	for (let n = 0; n <= word.length; n++) best = Math.min(best, distance(word.slice(0, n), query));
	return best + penalty;
}

describe('fuzzyWords', () => {
	it('counts a swap of neighbours as one typo, and a wrong first letter as two', () => {
		const words = ['heftruck', 'horeca', 'orderpicken', 'toreca'];
		const found = (q: string, k: number, prefix = false) =>
			fuzzyWords(words, q, k, prefix).map((m) => [words[m.wordId], m.typos]);
		expect(found('hetfruck', 1)).toEqual([['heftruck', 1]]);
		expect(found('ordrepi', 1, true)).toEqual([['orderpicken', 1]]);
		expect(found('ohreca', 1)).toEqual([]);
		expect(found('ohreca', 2)).toEqual([['horeca', 2]]);
	});

	it('finds exactly the words a plain distance table finds', () => {
		const word = fc.stringMatching(/^[abcd]{1,7}$/);
		fc.assert(
			fc.property(
				fc.uniqueArray(word, { maxLength: 40 }),
				word,
				fc.integer({ min: 1, max: 2 }),
				fc.boolean(),
				(list, query, k, prefix) => {
					const words = [...list].sort();
					const expected = words
						.map((w, i) => ({
							wordId: i,
							typos: typos(w, query, prefix),
							whole: typos(w, query, false) <= k
						}))
						.filter((m) => m.typos > 0 && m.typos <= k);
					expect(fuzzyWords(words, query, k, prefix)).toEqual(expected);
				}
			),
			{ numRuns: 500 }
		);
	});
});
