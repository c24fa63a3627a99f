/**
 * Builds hits and their `_formatted` copy the way Meilisearch does: strings highlighted and/or cropped,
 * array elements highlighted but never cropped, numbers turned into strings, other values unchanged.
 */
import type { Hit } from '../engine';
import { originalPrefixLength, tokenizeWithOffsets, type SourceToken } from '../text/normalize';

export interface FormatOptions {
	/** Attributes in the hit, in display order. */
	retrieve: readonly string[];
	/** Attributes in `_formatted`; empty means no `_formatted`. */
	formatted: readonly string[];
	highlight: ReadonlySet<string>;
	/** Attribute to crop length in words. */
	crop: ReadonlyMap<string, number>;
	preTag: string;
	postTag: string;
	cropMarker: string;
	highlightLength: (word: string) => number | null;
	/** The first query term a normalised word matches, or -1: what makes a passage the best one. */
	termOf: (word: string) => number;
}

interface TextToken {
	start: number;
	end: number;
	/** Index among the words, or -1 for a separator run. */
	word: number;
	/** A separator run ending a sentence or clause: Meilisearch's crop prefers not to cross it. */
	hard: boolean;
}

const HARD_SEPARATOR = /[.;:!?()[\]{}|\n\r\u2026]/u;

/** Words and the separator runs between them, in order. */
function textTokens(text: string, words: readonly SourceToken[]): TextToken[] {
	const out: TextToken[] = [];
	let cursor = 0;
	const separator = (from: number, to: number) => {
		if (to > from)
			out.push({ start: from, end: to, word: -1, hard: HARD_SEPARATOR.test(text.slice(from, to)) });
	};
	words.forEach((w, i) => {
		separator(cursor, w.start);
		out.push({ start: w.start, end: w.end, word: i, hard: false });
		cursor = w.end;
	});
	separator(cursor, text.length);
	return out;
}

interface CropMatch {
	/** Index in the token list. */
	token: number;
	/** Index among the words. */
	word: number;
	term: number;
}

/**
 * Meilisearch's best passage: among the runs of matches that fit the crop length, the one matching the
 * most different query terms, then with the matches closest together, then with the most in query order.
 */
function bestInterval(matches: readonly CropMatch[], cropLength: number): [CropMatch, CropMatch] {
	let best: { first: number; last: number; score: [number, number, number] } | null = null;
	const consider = (first: number, last: number) => {
		const terms = new Set<number>();
		let distance = 0;
		let ordered = 0;
		for (let i = first; i <= last; i++) {
			terms.add(matches[i].term);
			if (i < last) {
				if (matches[i + 1].term > matches[i].term) ordered++;
				distance -= Math.min(matches[i + 1].word - matches[i].word, 7);
			}
		}
		const score: [number, number, number] = [terms.size, distance, ordered];
		const better =
			best === null ||
			score[0] > best.score[0] ||
			(score[0] === best.score[0] &&
				(score[1] > best.score[1] || (score[1] === best.score[1] && score[2] > best.score[2])));
		if (better) best = { first, last, score };
	};
	let first = 0;
	for (let i = 0; i < matches.length; i++) {
		if (matches[i].word - matches[first].word < cropLength) continue;
		if (i > 0) consider(first, i - 1);
		while (first < matches.length - 1) {
			first++;
			if (matches[first].word > matches[i].word || matches[i].word - matches[first].word < cropLength) break;
		}
	}
	consider(first, matches.length - 1);
	const chosen = best as { first: number; last: number } | null;
	return chosen ? [matches[chosen.first], matches[chosen.last]] : [matches[0], matches[0]];
}

/** Byte range [from, to) of the crop window: the best passage grown word by word to cropLength words. */
function cropWindow(
	text: string,
	tokens: readonly TextToken[],
	matches: readonly CropMatch[],
	cropLength: number
): [number, number] {
	let remaining = cropLength;
	let before = -1;
	let after = 0;
	if (matches.length > 0) {
		const [first, last] = bestInterval(matches, cropLength);
		remaining = cropLength - (last.word - first.word + 1);
		before = first.token - 1;
		after = last.token + 1;
	}
	// Grow on both sides, the left first; a side facing a separator waits for the other side's word,
	// and a hard separator (end of a sentence) is crossed only when the other side has one too.
	while (remaining > 0) {
		const left = before >= 0 ? tokens[before] : null;
		const right = after < tokens.length ? tokens[after] : null;
		if (left && right) {
			const leftWord = left.word >= 0;
			const rightWord = right.word >= 0;
			if (!leftWord && !rightWord) {
				if (left.hard === right.hard) {
					before--;
					if (remaining > 1) after++;
				} else if (left.hard) after++;
				else before--;
			} else if (leftWord && !rightWord) {
				before--;
				remaining--;
			} else if (!leftWord && rightWord) {
				after++;
				remaining--;
			} else {
				before--;
				remaining--;
				if (remaining > 0) {
					after++;
					remaining--;
				}
			}
		} else if (left) {
			before--;
			if (left.word >= 0) remaining--;
		} else if (right) {
			after++;
			if (right.word >= 0) remaining--;
		} else break;
	}
	return [before >= 0 ? tokens[before].end : 0, after < tokens.length ? tokens[after].start : text.length];
}

function formatText(
	text: string,
	options: FormatOptions,
	highlight: boolean,
	cropLength: number | undefined
): string {
	// Neither highlighted nor cropped: the text comes back as it is, no need to find its words.
	if (!highlight && cropLength === undefined) return text;
	const words = tokenizeWithOffsets(text);
	let from = 0;
	let to = text.length;
	// Meilisearch crops only with a positive length: `cropLength: 0` keeps the whole text.
	if (cropLength !== undefined && cropLength > 0) {
		const tokens = textTokens(text, words);
		const matches: CropMatch[] = [];
		tokens.forEach((token, i) => {
			if (token.word < 0) return;
			const term = options.termOf(words[token.word].normalized);
			if (term >= 0) matches.push({ token: i, word: token.word, term });
		});
		[from, to] = cropWindow(text, tokens, matches, cropLength);
	}
	let out = from > 0 ? options.cropMarker : '';
	let cursor = from;
	if (highlight) {
		for (const token of words) {
			if (token.end <= from || token.start >= to) continue;
			const length = options.highlightLength(token.normalized);
			if (length === null) continue;
			const word = text.slice(token.start, token.end);
			const end =
				token.start + (length >= token.normalized.length ? word.length : originalPrefixLength(word, length));
			out +=
				text.slice(cursor, token.start) + options.preTag + text.slice(token.start, end) + options.postTag;
			cursor = end;
		}
	}
	out += text.slice(cursor, to);
	if (to < text.length) out += options.cropMarker;
	return out;
}

export function formatValue(
	value: unknown,
	options: FormatOptions,
	highlight: boolean,
	cropLength?: number
): unknown {
	if (typeof value === 'string') return formatText(value, options, highlight, cropLength);
	if (typeof value === 'number')
		return highlight ? formatText(String(value), options, true, undefined) : String(value);
	if (Array.isArray(value)) {
		const out = new Array<unknown>(value.length);
		for (let i = 0; i < value.length; i++) out[i] = formatValue(value[i], options, highlight);
		return out;
	}
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, formatValue(v, options, highlight)]));
	}
	return value;
}

export function formatHit(
	document: Record<string, unknown>,
	options: FormatOptions,
	geoDistance?: number
): Hit {
	const hit: Record<string, unknown> = {};
	for (const attribute of options.retrieve) {
		if (attribute in document) hit[attribute] = document[attribute];
	}
	if (options.formatted.length > 0) {
		const formatted: Record<string, unknown> = {};
		for (const attribute of options.formatted) {
			if (!(attribute in document)) continue;
			formatted[attribute] = formatValue(
				document[attribute],
				options,
				options.highlight.has(attribute),
				options.crop.get(attribute)
			);
		}
		hit._formatted = formatted;
	}
	if (geoDistance !== undefined) hit._geoDistance = geoDistance;
	return hit as Hit;
}
