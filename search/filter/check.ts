import { SearchError } from '../search-error';
import type { FilterNode } from './ast';

/**
 * Rejects filters on attributes that are not filterable, as Meilisearch does (an engine silently
 * matching nothing would hide a missing `filterableAttributes` entry until production).
 */
export function checkFilterAttributes(node: FilterNode, filterable: readonly string[]): void {
	const allowed = new Set(filterable);
	const visit = (n: FilterNode): void => {
		switch (n.type) {
			case 'and':
			case 'or':
				n.children.forEach(visit);
				return;
			case 'not':
				visit(n.child);
				return;
			case 'geoRadius':
			case 'geoBoundingBox':
				if (!allowed.has('_geo')) {
					const name = n.type === 'geoRadius' ? '_geoRadius' : '_geoBoundingBox';
					throw new SearchError(
						'invalid_search_filter',
						`Attribute \`_geo\` is not filterable. Available filterable attributes are: \`${list(filterable)}\`.\n${name} requires \`_geo\` to be filterable.`
					);
				}
				return;
			default:
				if (n.attribute === '_geo') {
					throw new SearchError(
						'invalid_search_filter',
						"`_geo` is a reserved keyword and thus can't be used as a filter expression. Use the `_geoRadius(latitude, longitude, distance)` or `_geoBoundingBox([latitude, longitude], [latitude, longitude])` built-in rules to filter on `_geo` coordinates."
					);
				}
				if (!allowed.has(n.attribute)) {
					throw new SearchError(
						'invalid_search_filter',
						`Attribute \`${n.attribute}\` is not filterable. Available filterable attributes are: \`${list(filterable)}\`.`
					);
				}
		}
	};
	visit(node);
}

function list(attributes: readonly string[]): string {
	return [...attributes].sort().join(', ');
}
