/**
 * Builds hits and their `_formatted` copy the way Meilisearch does: strings highlighted and/or cropped,
 * array elements highlighted but never cropped, numbers turned into strings, other values unchanged.
 */
import type { Hit } from '../engine';
import { originalPrefixLength, tokenizeWithOffsets } from '../text/normalize';

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
}

function formatText(
	text: string,
	options: FormatOptions,
	highlight: boolean,
	cropLength: number | undefined
): string {
	// Neither highlighted nor cropped: the text comes back as it is, no need to find its words.
	if (!highlight && cropLength === undefined) return text;
	const tokens = tokenizeWithOffsets(text);
	let first = 0;
	let last = tokens.length - 1;
	let from = 0;
	let to = text.length;
	if (cropLength !== undefined && tokens.length > cropLength) {
		// Centre the window on the first matching word; without a match keep the beginning.
		const match = tokens.findIndex((t) => options.highlightLength(t.normalized) !== null);
		const wanted = match < 0 ? 0 : match - Math.floor((cropLength - 1) / 2);
		first = Math.max(0, Math.min(wanted, tokens.length - cropLength));
		last = first + cropLength - 1;
		from = first === 0 ? 0 : tokens[first].start;
		to = last === tokens.length - 1 ? text.length : tokens[last].end;
	}
	let out = first > 0 ? options.cropMarker : '';
	let cursor = from;
	if (highlight) {
		for (let i = first; i <= last && i < tokens.length; i++) {
			const token = tokens[i];
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

function formatValue(
	value: unknown,
	options: FormatOptions,
	highlight: boolean,
	cropLength?: number
): unknown {
	if (typeof value === 'string') return formatText(value, options, highlight, cropLength);
	if (typeof value === 'number') return formatText(String(value), options, highlight, undefined);
	if (Array.isArray(value)) return value.map((v) => formatValue(v, options, highlight));
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
