/**
 * Typo lookups in the sorted vocabulary, with Meilisearch's typo rules: Damerau-Levenshtein distance
 * (a swapped pair of neighbouring letters is one typo), a different first letter costs one typo more,
 * and a word still being typed matches every word that starts with something within the allowed typos
 * ("ordrepi" finds "orderpicken").
 *
 * The sorted word list is walked as a trie: consecutive words share their common prefix's rows of the
 * distance table, and a prefix whose row already exceeds the budget skips every word starting with it.
 */

export interface FuzzyMatch {
	wordId: number;
	typos: number;
	/** The whole word is within the typos too, not only a prefix of it: it is highlighted whole. */
	whole: boolean;
}

/** Index just past the last word in words[from..) that starts with `prefix` (words are sorted). */
function endOfPrefix(words: readonly string[], from: number, prefix: string): number {
	let lo = from;
	let hi = words.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (words[mid].startsWith(prefix)) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

function commonPrefix(a: string, b: string, limit: number): number {
	const n = Math.min(a.length, b.length, limit);
	let i = 0;
	while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
	return i;
}

/**
 * Words within `maxTypos` of `query` (or, for a prefix, starting with something within `maxTypos`),
 * with their typo count. Words matching with no typo are left out: the caller has them exactly.
 */
export function fuzzyWords(
	words: readonly string[],
	query: string,
	maxTypos: number,
	prefix: boolean
): FuzzyMatch[] {
	const out: FuzzyMatch[] = [];
	if (maxTypos <= 0 || query.length === 0) return out;
	const m = query.length;
	// rows[d][j]: typos between the first d letters of the word and the first j letters of the query.
	// Cells beyond the budget all read as `far`, so the band below can leave the rest of a row stale.
	const far = maxTypos + 1;
	const rows: Uint8Array[] = [Uint8Array.from({ length: m + 2 }, (_, j) => Math.min(j, far))];
	// best[d]: fewest typos between the query and any prefix of the word up to d letters (prefix mode).
	const best: number[] = [m];
	let previous = '';
	let valid = 0;
	let i = 0;
	while (i < words.length) {
		const word = words[i];
		// A different first letter costs one more typo, so those words get one typo less to spend.
		const budget = word.charCodeAt(0) === query.charCodeAt(0) ? maxTypos : maxTypos - 1;
		if (budget <= 0) {
			// Only reachable with a different first letter, which is already a typo too many.
			i = endOfPrefix(words, i, word[0]);
			previous = '';
			valid = 0;
			continue;
		}
		const depth = commonPrefix(previous, word, valid);
		let pruned = -1;
		for (let d = depth + 1; d <= word.length; d++) {
			const row = (rows[d] ??= new Uint8Array(m + 2));
			const above = rows[d - 1];
			const twoAbove = d >= 2 ? rows[d - 2] : null;
			const c = word.charCodeAt(d - 1);
			// Only cells within maxTypos of the diagonal can stay within budget: a band of at most 5.
			const lo = Math.max(1, d - maxTypos);
			const hi = Math.min(m, d + maxTypos);
			row[0] = Math.min(d, far);
			if (lo > 1) row[lo - 1] = far;
			let rowMin = lo === 1 ? row[0] : far;
			for (let j = lo; j <= hi; j++) {
				const q = query.charCodeAt(j - 1);
				let v = above[j - 1] + (c === q ? 0 : 1);
				const up = above[j] + 1;
				if (up < v) v = up;
				const left = row[j - 1] + 1;
				if (left < v) v = left;
				if (
					twoAbove !== null &&
					j >= 2 &&
					c === query.charCodeAt(j - 2) &&
					word.charCodeAt(d - 2) === q &&
					twoAbove[j - 2] + 1 < v
				) {
					v = twoAbove[j - 2] + 1;
				}
				row[j] = v > far ? far : v;
				if (row[j] < rowMin) rowMin = row[j];
			}
			// The next row reads one cell past this band: it must read as out of reach.
			if (hi < m) row[hi + 1] = far;
			best[d] = Math.min(best[d - 1], lo <= m && hi === m ? row[m] : far);
			if (rowMin > budget && (!prefix || best[d] > budget)) {
				pruned = d;
				break;
			}
		}
		if (pruned >= 0) {
			// No word starting with these letters can match: skip them all.
			const next = endOfPrefix(words, i, word.slice(0, pruned));
			previous = word;
			valid = pruned;
			i = Math.max(next, i + 1);
			continue;
		}
		const wholeTypos =
			word.length + maxTypos >= m && word.length <= m + maxTypos ? rows[word.length][m] : far;
		const typos = prefix ? best[word.length] : wholeTypos;
		if (typos > 0 && typos <= budget) {
			out.push({ wordId: i, typos: typos + (budget < maxTypos ? 1 : 0), whole: wholeTypos <= budget });
		}
		previous = word;
		valid = word.length;
		i++;
	}
	return out;
}
