import lexicon from './special-categories.json';

/** A passage of a text that points to a special category of personal data. */
export interface LexiconHit {
	start: number;
	end: number;
	category: string;
	label: string;
}

export interface SpecialCategory {
	code: string;
	label: string;
	article: string;
	terms: string[];
}

export const SPECIAL_CATEGORIES: readonly SpecialCategory[] = lexicon.categories;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A lexicon term as a pattern: `*` continues the word, a space or hyphen allows any of either. */
function termPattern(term: string): string {
	const prefix = term.endsWith('*');
	const body = (prefix ? term.slice(0, -1) : term).normalize('NFC').toLowerCase();
	const words = body
		.split(/[\s-]+/)
		.map(escape)
		.join('[\\s-]+');
	return prefix ? `${words}[\\p{L}\\p{N}]*` : words;
}

const patterns = SPECIAL_CATEGORIES.map((category) => ({
	category,
	// Longest terms first, so "syndroom van down" wins over "syndroom*".
	pattern: new RegExp(
		`(?<![\\p{L}\\p{N}])(?:${[...category.terms]
			.sort((a, b) => b.length - a.length)
			.map(termPattern)
			.join('|')})(?![\\p{L}\\p{N}])`,
		'giu'
	)
}));

/**
 * Every passage of `text` matching the lexicon, in text order. Matching is per character on the NFC form
 * with Unicode case folding (`iu`), so "İ", "Ä" or decomposed accents never switch it off.
 */
export function findSpecialCategories(text: string): LexiconHit[] {
	const normalised = text.normalize('NFC');
	const hits: LexiconHit[] = [];
	for (const { category, pattern } of patterns) {
		for (const match of normalised.matchAll(pattern)) {
			hits.push({
				start: match.index,
				end: match.index + match[0].length,
				category: category.code,
				label: category.label
			});
		}
	}
	return hits.sort((a, b) => a.start - b.start);
}
