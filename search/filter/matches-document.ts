/**
 * Reference semantics of a filter on one plain document, written for clarity rather than speed: the
 * property tests hold the embedded engine's bitset evaluation to it.
 */
import { haversineMeters } from '../geo';
import { filterNumber, normalizeFacetValue, type FilterNode } from './ast';

type Leaf = string | number | boolean;

/** Scalar values of an attribute, nested arrays flattened; `undefined` when the attribute is absent. */
export function leafValues(doc: Record<string, unknown>, attribute: string): Leaf[] | undefined {
	if (!(attribute in doc) || doc[attribute] === undefined) return undefined;
	const out: Leaf[] = [];
	const walk = (v: unknown): void => {
		if (Array.isArray(v)) v.forEach(walk);
		else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out.push(v);
	};
	walk(doc[attribute]);
	return out;
}

export function leafEquals(leaf: Leaf, value: string): boolean {
	if (typeof leaf === 'number') {
		const n = filterNumber(value);
		return n !== null && n === leaf;
	}
	// Meilisearch indexes booleans as the strings "true" / "false".
	return normalizeFacetValue(String(leaf)) === normalizeFacetValue(value);
}

export function inRange(
	n: number,
	node: { min: number | null; minInclusive: boolean; max: number | null; maxInclusive: boolean }
): boolean {
	if (node.min !== null && (node.minInclusive ? n < node.min : n <= node.min)) return false;
	if (node.max !== null && (node.maxInclusive ? n > node.max : n >= node.max)) return false;
	return true;
}

function geoOf(doc: Record<string, unknown>): { lat: number; lng: number } | null {
	const geo = doc._geo as { lat?: unknown; lng?: unknown } | null | undefined;
	if (!geo || typeof geo.lat !== 'number' || typeof geo.lng !== 'number') return null;
	return { lat: geo.lat, lng: geo.lng };
}

export function matchesDocument(node: FilterNode, doc: Record<string, unknown>): boolean {
	switch (node.type) {
		case 'and':
			return node.children.every((c) => matchesDocument(c, doc));
		case 'or':
			return node.children.some((c) => matchesDocument(c, doc));
		case 'not':
			return !matchesDocument(node.child, doc);
		case 'equals':
			return (leafValues(doc, node.attribute) ?? []).some((leaf) => leafEquals(leaf, node.value));
		case 'range':
			return (leafValues(doc, node.attribute) ?? []).some(
				(leaf) => typeof leaf === 'number' && inRange(leaf, node)
			);
		case 'startsWith': {
			const prefix = normalizeFacetValue(node.value);
			return (leafValues(doc, node.attribute) ?? []).some(
				(leaf) => typeof leaf !== 'number' && normalizeFacetValue(String(leaf)).startsWith(prefix)
			);
		}
		case 'exists':
			return node.attribute in doc && doc[node.attribute] !== undefined;
		case 'isNull':
			return doc[node.attribute] === null;
		case 'isEmpty': {
			const v = doc[node.attribute];
			if (v === '') return true;
			if (Array.isArray(v)) return v.length === 0;
			return typeof v === 'object' && v !== null && Object.keys(v).length === 0;
		}
		case 'geoRadius': {
			const geo = geoOf(doc);
			return geo !== null && haversineMeters(node.lat, node.lng, geo.lat, geo.lng) <= node.radius;
		}
		case 'geoBoundingBox': {
			const geo = geoOf(doc);
			if (!geo || geo.lat > node.top || geo.lat < node.bottom) return false;
			// A box whose left edge is east of its right edge crosses the antimeridian.
			return node.left <= node.right
				? geo.lng >= node.left && geo.lng <= node.right
				: geo.lng >= node.left || geo.lng <= node.right;
		}
	}
}
