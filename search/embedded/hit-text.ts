/**
 * Hits written as JSON text without building hit objects: per document, the JSON of each displayed
 * attribute (`,"name":value`, in display order) and of its `_formatted` form without highlighting, kept
 * as two strings with the attributes' offsets. A hit is then a few slices of them, with only the
 * highlighted or cropped attributes formatted for the request. The text equals
 * `JSON.stringify(formatHit(...))` (hit-text.test.ts checks it).
 *
 * A document's texts are made the first time it is a hit, not at build: the build stays as fast as it
 * was, and memory goes to the documents that are shown, within a budget per index. A write carries the
 * texts of the documents it leaves unchanged over to the next index and drops the others.
 */
import { formatValue, type FormatOptions } from './format-hit';

/** Characters of cached text per index: about 25,000 profiles of 2.5 KB, then hits are written uncached. */
const BUDGET_CHARS = 64_000_000;

interface DocumentText {
	plain: string;
	/** `_formatted` without highlighting or cropping: numbers as strings, everything else as it is. */
	formatted: string;
	/** Start of attribute i's fragment in `plain` at i, in `formatted` at width + i; ends at the next. */
	offsets: Uint32Array;
}

/** Formatting without highlighting or cropping reads none of the options. */
const UNHIGHLIGHTED: FormatOptions = {
	retrieve: [],
	formatted: [],
	highlight: new Set(),
	crop: new Map(),
	preTag: '',
	postTag: '',
	cropMarker: '',
	highlightLength: () => null,
	termOf: () => -1
};

/**
 * Names that would not keep their place in a JSON object (array indices come first) or would clash with
 * the fields the engine adds: for such definitions hits are built as objects.
 */
const UNORDERED_NAME = /^(?:0|[1-9]\d*)$|^(?:__proto__|_formatted|_geoDistance)$/;

export function writableAsText(attributes: readonly string[]): boolean {
	return new Set(attributes).size === attributes.length && !attributes.some((a) => UNORDERED_NAME.test(a));
}

export class HitTexts {
	private readonly keys: string[];
	private readonly width: number;
	private readonly positionOf: Map<string, number>;
	/** By document number: a Map, as only the documents shown have one (an array would go sparse). */
	private readonly texts = new Map<number, DocumentText>();
	private chars = 0;

	constructor(
		readonly attributes: readonly string[],
		private readonly budget = BUDGET_CHARS
	) {
		this.keys = attributes.map((a) => ',' + JSON.stringify(a) + ':');
		this.width = attributes.length;
		this.positionOf = new Map(attributes.map((a, i) => [a, i]));
	}

	/**
	 * The texts for the index after a write: `toNew[o]` is the new number of old document o when it is
	 * unchanged, or -1 when it was removed or replaced (its text is made anew when it is next a hit).
	 */
	carriedOver(toNew: Int32Array): HitTexts {
		const next = new HitTexts(this.attributes, this.budget);
		for (const [o, text] of this.texts) {
			const d = toNew[o];
			if (d < 0) continue;
			next.texts.set(d, text);
			next.chars += text.plain.length + text.formatted.length;
		}
		return next;
	}

	/** Document d's texts, cached while the budget lasts. */
	textOf(d: number, document: Record<string, unknown>): DocumentText {
		const cached = this.texts.get(d);
		if (cached !== undefined) return cached;
		const text = this.make(document);
		const size = text.plain.length + text.formatted.length;
		if (this.chars + size <= this.budget) {
			this.texts.set(d, text);
			this.chars += size;
		}
		return text;
	}

	private make(document: Record<string, unknown>): DocumentText {
		const { width, keys, attributes } = this;
		const offsets = new Uint32Array(2 * (width + 1));
		let plain = '';
		let formatted = '';
		for (let i = 0; i < width; i++) {
			offsets[i] = plain.length;
			offsets[width + 1 + i] = formatted.length;
			const value = ownValue(document, attributes[i]);
			const json = JSON.stringify(value);
			if (json === undefined) continue;
			plain += keys[i] + json;
			formatted +=
				keys[i] + (formatsAsItself(value) ? json : JSON.stringify(formatValue(value, UNHIGHLIGHTED, false)));
		}
		offsets[width] = plain.length;
		offsets[2 * width + 1] = formatted.length;
		return { plain, formatted, offsets };
	}

	/** How a request writes its hits: which attributes, and which are formatted per request. */
	layout(options: FormatOptions): HitLayout {
		const index = this.positionOf;
		const retrieve = new Uint8Array(this.width);
		for (const a of options.retrieve) retrieve[index.get(a)!] = 1;
		const formatted = new Uint8Array(this.width);
		for (const a of options.formatted) {
			const i = index.get(a)!;
			formatted[i] = options.highlight.has(a) || options.crop.has(a) ? 2 : 1;
		}
		const parts: LayoutPart[] = [];
		for (let i = 0; i < this.width; i++) {
			if (formatted[i] === 2) parts.push({ attribute: i, from: 0, to: 0 });
			else if (formatted[i] === 1) {
				const last = parts[parts.length - 1];
				if (last && last.attribute < 0 && last.to === i) last.to = i + 1;
				else parts.push({ attribute: -1, from: i, to: i + 1 });
			}
		}
		return { hit: runs(retrieve), formatted: options.formatted.length > 0 ? parts : null, options };
	}

	/** The JSON text of hit d, as `JSON.stringify(formatHit(document, options, geoDistance))` writes it. */
	hitJson(d: number, document: Record<string, unknown>, layout: HitLayout, geoDistance?: number): string {
		const { plain, formatted, offsets } = this.textOf(d, document);
		const { width, keys, attributes } = this;
		let hit = '';
		for (const [from, to] of layout.hit) hit += plain.slice(offsets[from], offsets[to]);
		// Every fragment starts with a comma, which the first one in an object must lose.
		let out = '{' + hit.slice(1);
		let separator = hit === '' ? '' : ',';
		if (layout.formatted) {
			let inner = '';
			for (const part of layout.formatted) {
				if (part.attribute < 0) {
					inner += formatted.slice(offsets[width + 1 + part.from], offsets[width + 1 + part.to]);
					continue;
				}
				const name = attributes[part.attribute];
				const { options } = layout;
				const value = formatValue(
					ownValue(document, name),
					options,
					options.highlight.has(name),
					options.crop.get(name)
				);
				const json = JSON.stringify(value);
				if (json !== undefined) inner += keys[part.attribute] + json;
			}
			out += separator + '"_formatted":{' + inner.slice(1) + '}';
			separator = ',';
		}
		if (geoDistance !== undefined) out += separator + '"_geoDistance":' + JSON.stringify(geoDistance);
		return out + '}';
	}
}

interface LayoutPart {
	/** An attribute formatted per request, or -1 for the run [from, to) of cached formatted text. */
	attribute: number;
	from: number;
	to: number;
}

export interface HitLayout {
	/** Runs [from, to) of consecutive retrieved attributes. */
	hit: [number, number][];
	/** The parts of `_formatted` in order, or null when the hits have none. */
	formatted: LayoutPart[] | null;
	options: FormatOptions;
}

function runs(selected: Uint8Array): [number, number][] {
	const out: [number, number][] = [];
	for (let i = 0; i < selected.length; i++) {
		if (!selected[i]) continue;
		const last = out[out.length - 1];
		if (last && last[1] === i) last[1] = i + 1;
		else out.push([i, i + 1]);
	}
	return out;
}

/**
 * Documents are plain data: an attribute they lack is absent from the hit. (`formatHit` tests `in`,
 * which also sees inherited members, but on a plain object those are functions, which JSON omits.)
 */
function ownValue(document: Record<string, unknown>, attribute: string): unknown {
	return Object.hasOwn(document, attribute) ? document[attribute] : undefined;
}

/** Whether `_formatted` without highlighting holds the value unchanged: no numbers, no objects. */
function formatsAsItself(value: unknown): boolean {
	if (typeof value === 'string' || typeof value === 'boolean' || value === null) return true;
	if (!Array.isArray(value)) return false;
	for (const v of value) if (!formatsAsItself(v) && v !== undefined) return false;
	return true;
}
