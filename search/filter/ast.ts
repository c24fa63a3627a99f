/**
 * Filter AST shared by both engines and the request validator. Sugar is removed while parsing
 * (`!=`, `NOT IN`, `NOT EXISTS`, `NOT STARTS WITH`, `IS NOT ...` become `not`; `>`, `<=`, `TO` become `range`), so every
 * evaluator implements the few primitive meanings once, exactly as Meilisearch defines them.
 */
export type FilterNode =
	| { type: 'and'; children: FilterNode[] }
	| { type: 'or'; children: FilterNode[] }
	| { type: 'not'; child: FilterNode }
	/** Case-insensitive string equality, or numeric equality when `value` reads as a number. */
	| { type: 'equals'; attribute: string; value: string }
	| {
			type: 'range';
			attribute: string;
			min: number | null;
			minInclusive: boolean;
			max: number | null;
			maxInclusive: boolean;
	  }
	/** Case-insensitive prefix of a string value (numbers never match), as `STARTS WITH`. */
	| { type: 'startsWith'; attribute: string; value: string }
	| { type: 'exists'; attribute: string }
	| { type: 'isNull'; attribute: string }
	| { type: 'isEmpty'; attribute: string }
	| { type: 'geoRadius'; lat: number; lng: number; radius: number }
	| { type: 'geoBoundingBox'; top: number; right: number; bottom: number; left: number };

/** Attribute names a filter reads; `_geo` for the geo functions. */
export function filterAttributes(node: FilterNode, into: Set<string> = new Set()): Set<string> {
	switch (node.type) {
		case 'and':
		case 'or':
			for (const child of node.children) filterAttributes(child, into);
			break;
		case 'not':
			filterAttributes(node.child, into);
			break;
		case 'geoRadius':
		case 'geoBoundingBox':
			into.add('_geo');
			break;
		default:
			into.add(node.attribute);
	}
	return into;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Meilisearch tries a filter value as a float (Rust `f64::from_str`); quoted or not does not matter. */
export function filterNumber(value: string): number | null {
	const trimmed = value.trim();
	if (!NUMBER.test(trimmed)) return null;
	const n = Number(trimmed);
	return Number.isFinite(n) ? n : null;
}

/** Meilisearch's facet normalisation: what `=` compares. */
export function normalizeFacetValue(value: string): string {
	return value.trim().toLowerCase();
}
