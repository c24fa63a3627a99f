/**
 * Parser for Meilisearch's filter language, following its grammar (crates/filter-parser): keywords are
 * upper case, `AND` binds tighter than `OR`, values are bare words (letters, digits, `_`, `-`, `.`) or
 * quoted with `'` or `"`, where a backslash escapes the next character.
 */
import type { FilterInput } from '../engine';
import { SearchError } from '../search-error';
import { filterNumber, type FilterNode } from './ast';

const MAX_DEPTH = 200;
const WORD_CHAR = /[\p{L}\p{N}_\-.]/u;
const RESERVED = new Set(['AND', 'OR', 'NOT', 'TO', 'IN', 'EXISTS', 'IS']);
const RESERVED_GEO = ['_geoPoint', '_geoDistance', '_geo'];
const FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/;
const OPERATORS = ['!=', '>=', '<=', '=', '>', '<'] as const;

interface Value {
	text: string;
	start: number;
	end: number;
	quoted: boolean;
}

class Parser {
	private pos = 0;

	constructor(private readonly src: string) {}

	parse(): FilterNode {
		const node = this.parseOr(0);
		this.skipWs();
		if (this.pos < this.src.length) {
			this.fail(
				this.src[this.pos] === ')'
					? 'Found unexpected `)`: there is no matching opening parenthesis.'
					: `Found unexpected characters at the end of the filter: \`${this.src.slice(this.pos)}\`. You probably forgot an \`OR\` or an \`AND\` rule.`,
				this.pos,
				this.src.length
			);
		}
		return node;
	}

	private fail(message: string, start = this.pos, end = this.src.length): never {
		throw new SearchError(
			'invalid_search_filter',
			`${message}\n${start + 1}:${Math.max(end, start + 1) + 1} ${this.src}`
		);
	}

	private skipWs(): void {
		while (this.pos < this.src.length && /\s/.test(this.src[this.pos])) this.pos++;
	}

	/** The bare word at the cursor (after whitespace), without consuming it. */
	private peekWord(): string {
		this.skipWs();
		let end = this.pos;
		while (end < this.src.length && WORD_CHAR.test(this.src[end])) end++;
		return this.src.slice(this.pos, end);
	}

	private eatKeyword(keyword: string): boolean {
		if (this.peekWord() !== keyword) return false;
		this.pos += keyword.length;
		return true;
	}

	/** `STARTS WITH`, written with exactly one space as in Meilisearch's grammar. */
	private eatStartsWith(): boolean {
		this.skipWs();
		if (!this.src.startsWith('STARTS WITH', this.pos)) return false;
		const after = this.src[this.pos + 'STARTS WITH'.length];
		if (after !== undefined && WORD_CHAR.test(after)) return false;
		this.pos += 'STARTS WITH'.length;
		return true;
	}

	private eatChar(char: string): boolean {
		this.skipWs();
		if (this.src[this.pos] !== char) return false;
		this.pos++;
		return true;
	}

	private parseOr(depth: number): FilterNode {
		if (depth > MAX_DEPTH)
			this.fail(
				'The filter exceeded the maximum depth limit. Try rewriting the filter so that it contains fewer nested conditions.'
			);
		const children = [this.parseAnd(depth + 1)];
		while (this.eatKeyword('OR')) children.push(this.parseAnd(depth + 1));
		return children.length === 1 ? children[0] : { type: 'or', children };
	}

	private parseAnd(depth: number): FilterNode {
		const children = [this.parseNot(depth + 1)];
		while (this.eatKeyword('AND')) children.push(this.parseNot(depth + 1));
		return children.length === 1 ? children[0] : { type: 'and', children };
	}

	private parseNot(depth: number): FilterNode {
		if (depth > MAX_DEPTH)
			this.fail(
				'The filter exceeded the maximum depth limit. Try rewriting the filter so that it contains fewer nested conditions.'
			);
		if (this.eatKeyword('NOT')) return negate(this.parseNot(depth + 1));
		return this.parsePrimary(depth + 1);
	}

	private parsePrimary(depth: number): FilterNode {
		const start = this.pos;
		if (this.eatChar('(')) {
			const inner = this.parseOr(depth + 1);
			if (!this.eatChar(')')) {
				this.fail(
					`Expression \`${this.src.slice(start).trim()}\` is missing the following closing delimiter: \`)\`.`,
					start
				);
			}
			return inner;
		}
		const word = this.peekWord();
		if (word === '_geoRadius' || word === '_geoBoundingBox') {
			const after = this.pos + word.length;
			if (this.src[after] === '(') {
				this.pos = after + 1;
				return word === '_geoRadius' ? this.parseGeoRadius(start) : this.parseGeoBox(start);
			}
		}
		for (const reserved of RESERVED_GEO) {
			if (word === reserved && this.src[this.pos + word.length] === '(') {
				this.fail(
					`\`${reserved}\` is a reserved keyword and thus can't be used as a filter expression. Use the \`_geoRadius(latitude, longitude, distance)\` or \`_geoBoundingBox([latitude, longitude], [latitude, longitude])\` built-in rules to filter on \`_geo\` coordinates.`,
					this.pos,
					this.pos + word.length
				);
			}
		}
		return this.parseCondition();
	}

	private parseCondition(): FilterNode {
		const attr = this.parseValue();
		const attribute = attr.text;
		this.skipWs();
		for (const op of OPERATORS) {
			if (this.src.startsWith(op, this.pos)) {
				this.pos += op.length;
				return comparison(attribute, op, this.parseValue(), (m, v) => this.fail(m, v.start, v.end));
			}
		}
		if (this.eatKeyword('IN')) return { type: 'or', children: this.parseList(attribute) };
		if (this.eatStartsWith()) return { type: 'startsWith', attribute, value: this.parseValue().text };
		if (this.eatKeyword('NOT')) {
			if (this.eatKeyword('IN')) return negate({ type: 'or', children: this.parseList(attribute) });
			if (this.eatKeyword('EXISTS')) return negate({ type: 'exists', attribute });
			if (this.eatStartsWith())
				return negate({ type: 'startsWith', attribute, value: this.parseValue().text });
			this.fail('Was expecting `IN`, `EXISTS` or `STARTS WITH` after `NOT`.');
		}
		if (this.eatKeyword('EXISTS')) return { type: 'exists', attribute };
		if (this.eatKeyword('IS')) {
			const negated = this.eatKeyword('NOT');
			let node: FilterNode | null = null;
			if (this.eatKeyword('NULL')) node = { type: 'isNull', attribute };
			else if (this.eatKeyword('EMPTY')) node = { type: 'isEmpty', attribute };
			else this.fail('Was expecting `NULL`, `NOT NULL`, `EMPTY` or `NOT EMPTY` after `IS`.');
			return negated ? negate(node) : node;
		}
		if (this.pos < this.src.length && !this.src.startsWith(')', this.pos)) {
			const from = this.parseValue();
			if (this.eatKeyword('TO')) {
				const to = this.parseValue();
				const min = requireNumber(from, (m, v) => this.fail(m, v.start, v.end));
				const max = requireNumber(to, (m, v) => this.fail(m, v.start, v.end));
				return { type: 'range', attribute, min, minInclusive: true, max, maxInclusive: true };
			}
		}
		this.fail(
			`Was expecting an operation \`=\`, \`!=\`, \`>=\`, \`>\`, \`<=\`, \`<\`, \`IN\`, \`NOT IN\`, \`TO\`, \`EXISTS\`, \`NOT EXISTS\`, \`IS NULL\`, \`IS NOT NULL\`, \`IS EMPTY\`, \`IS NOT EMPTY\`, \`STARTS WITH\`, \`NOT STARTS WITH\`, \`_geoRadius\`, or \`_geoBoundingBox\` at \`${this.src.slice(attr.start).trim()}\`.`,
			attr.start
		);
	}

	private parseList(attribute: string): FilterNode[] {
		if (!this.eatChar('[')) this.fail('Expected `[` after `IN` keyword.');
		const children: FilterNode[] = [];
		if (this.eatChar(']')) return children;
		for (;;) {
			children.push({ type: 'equals', attribute, value: this.parseValue().text });
			if (this.eatChar(']')) return children;
			if (!this.eatChar(',')) this.fail('Expected matching `]` after the list of values.');
			if (this.eatChar(']')) return children;
		}
	}

	private parseValue(): Value {
		this.skipWs();
		const start = this.pos;
		const quote = this.src[this.pos];
		if (quote === '"' || quote === "'") {
			let text = '';
			let i = this.pos + 1;
			while (i < this.src.length && this.src[i] !== quote) {
				// Only the quote and the backslash itself are escapes; any other `\x` stays as written.
				if (this.src[i] === '\\' && (this.src[i + 1] === quote || this.src[i + 1] === '\\')) i++;
				text += this.src[i];
				i++;
			}
			if (i >= this.src.length) {
				this.fail(
					`Expression \`${this.src.slice(start)}\` is missing the following closing delimiter: \`${quote}\`.`,
					start
				);
			}
			this.pos = i + 1;
			return { text, start, end: this.pos, quoted: true };
		}
		const word = this.peekWord();
		if (word === '') {
			const found = this.src.slice(this.pos).trim();
			this.fail(
				found === ''
					? 'Was expecting a value but instead got nothing.'
					: `Was expecting a value but instead got \`${found}\`.`,
				start
			);
		}
		if (RESERVED.has(word)) {
			this.fail(
				`Was expecting a value but instead got \`${word}\`, which is a reserved keyword. To use \`${word}\` as a field name or a value, surround it by quotes.`,
				start,
				start + word.length
			);
		}
		this.pos += word.length;
		return { text: word, start, end: this.pos, quoted: false };
	}

	private parseFloat(): number {
		this.skipWs();
		const match = FLOAT.exec(this.src.slice(this.pos));
		if (!match) throw new Error('float');
		this.pos += match[0].length;
		return Number(match[0]);
	}

	private parseGeoRadius(start: number): FilterNode {
		const usage =
			'The `_geoRadius` filter expects three arguments: `_geoRadius(latitude, longitude, radius)`.';
		try {
			const lat = this.parseFloat();
			if (!this.eatChar(',')) throw new Error(',');
			const lng = this.parseFloat();
			if (!this.eatChar(',')) throw new Error(',');
			const radius = this.parseFloat();
			if (!this.eatChar(')')) throw new Error(')');
			checkPoint(lat, lng, (m) => this.fail(m, start, this.pos));
			return { type: 'geoRadius', lat, lng, radius };
		} catch (error) {
			if (error instanceof SearchError) throw error;
			this.fail(usage, start);
		}
	}

	private parseGeoBox(start: number): FilterNode {
		const usage =
			'The `_geoBoundingBox` filter expects two pairs of arguments: `_geoBoundingBox([latitude, longitude], [latitude, longitude])`.';
		try {
			const point = (): [number, number] => {
				if (!this.eatChar('[')) throw new Error('[');
				const lat = this.parseFloat();
				if (!this.eatChar(',')) throw new Error(',');
				const lng = this.parseFloat();
				if (!this.eatChar(']')) throw new Error(']');
				return [lat, lng];
			};
			const [top, right] = point();
			if (!this.eatChar(',')) throw new Error(',');
			const [bottom, left] = point();
			if (!this.eatChar(')')) throw new Error(')');
			checkPoint(top, right, (m) => this.fail(m, start, this.pos));
			checkPoint(bottom, left, (m) => this.fail(m, start, this.pos));
			return { type: 'geoBoundingBox', top, right, bottom, left };
		} catch (error) {
			if (error instanceof SearchError) throw error;
			this.fail(usage, start);
		}
	}
}

function checkPoint(lat: number, lng: number, fail: (message: string) => never): void {
	if (lat < -90 || lat > 90)
		fail(`Bad latitude \`${lat}\`. Latitude must be contained between -90 and 90 degrees.`);
	if (lng < -180 || lng > 180)
		fail(`Bad longitude \`${lng}\`. Longitude must be contained between -180 and 180 degrees.`);
}

function negate(node: FilterNode): FilterNode {
	return node.type === 'not' ? node.child : { type: 'not', child: node };
}

function requireNumber(value: Value, fail: (message: string, value: Value) => never): number {
	const n = filterNumber(value.text);
	if (n === null) fail(`Expected a number, but found \`${value.text}\`.`, value);
	return n;
}

function comparison(
	attribute: string,
	op: (typeof OPERATORS)[number],
	value: Value,
	fail: (message: string, value: Value) => never
): FilterNode {
	switch (op) {
		case '=':
			return { type: 'equals', attribute, value: value.text };
		case '!=':
			return negate({ type: 'equals', attribute, value: value.text });
		case '>':
			return {
				type: 'range',
				attribute,
				min: requireNumber(value, fail),
				minInclusive: false,
				max: null,
				maxInclusive: false
			};
		case '>=':
			return {
				type: 'range',
				attribute,
				min: requireNumber(value, fail),
				minInclusive: true,
				max: null,
				maxInclusive: false
			};
		case '<':
			return {
				type: 'range',
				attribute,
				min: null,
				minInclusive: false,
				max: requireNumber(value, fail),
				maxInclusive: false
			};
		case '<=':
			return {
				type: 'range',
				attribute,
				min: null,
				minInclusive: false,
				max: requireNumber(value, fail),
				maxInclusive: true
			};
	}
}

/** Parses one filter expression; `null` when it is blank (Meilisearch treats that as no filter). */
export function parseFilterExpression(source: string): FilterNode | null {
	if (source.trim() === '') return null;
	return new Parser(source).parse();
}

/**
 * Parses a filter in either Meilisearch form: a string, or an array whose items are ANDed, where an item
 * that is itself an array is an OR of its strings. `null` means "no filter".
 */
export function parseFilter(input: FilterInput | null | undefined): FilterNode | null {
	if (input === null || input === undefined) return null;
	if (typeof input === 'string') return parseFilterExpression(input);
	const clauses: FilterNode[] = [];
	for (const item of input) {
		if (typeof item === 'string') {
			const node = parseFilterExpression(item);
			if (node) clauses.push(node);
			continue;
		}
		const options = item.map(parseFilterExpression).filter((n): n is FilterNode => n !== null);
		if (options.length === 1) clauses.push(options[0]);
		else if (options.length > 1) clauses.push({ type: 'or', children: options });
	}
	if (clauses.length === 0) return null;
	return clauses.length === 1 ? clauses[0] : { type: 'and', children: clauses };
}
