import { SearchError } from './search-error';

export type SortCriterion =
	| { kind: 'field'; attribute: string; direction: 'asc' | 'desc' }
	| { kind: 'geo'; lat: number; lng: number; direction: 'asc' | 'desc' };

const GEO_POINT = /^_geoPoint\(\s*([+-]?\d+(?:\.\d+)?)\s*,\s*([+-]?\d+(?:\.\d+)?)\s*\)$/;

/** Parses Meilisearch `sort` entries and rejects attributes that are not sortable, as Meilisearch does. */
export function parseSort(
	sort: readonly string[] | null | undefined,
	sortable: readonly string[]
): SortCriterion[] {
	if (!sort) return [];
	const fail = (message: string): never => {
		throw new SearchError('invalid_search_sort', message);
	};
	const available = `Available sortable attributes are: \`${[...sortable].sort().join(', ')}\`.`;
	return sort.map((entry): SortCriterion => {
		const colon = entry.lastIndexOf(':');
		const direction = entry.slice(colon + 1);
		if (colon < 1 || (direction !== 'asc' && direction !== 'desc')) {
			return fail(
				`Invalid syntax for the sort parameter: expected expression ending by \`:asc\` or \`:desc\`, found \`${entry}\`.`
			);
		}
		const target = entry.slice(0, colon).trim();
		if (target.startsWith('_geoPoint')) {
			const match = GEO_POINT.exec(target);
			if (!match)
				return fail(
					'Invalid syntax for the geo parameter: expected expression formatted like `_geoPoint(latitude, longitude)`.'
				);
			if (!sortable.includes('_geo')) return fail(`Attribute \`_geo\` is not sortable. ${available}`);
			const lat = Number(match[1]);
			const lng = Number(match[2]);
			if (lat < -90 || lat > 90)
				return fail(`Bad latitude \`${lat}\`. Latitude must be contained between -90 and 90 degrees.`);
			if (lng < -180 || lng > 180)
				return fail(`Bad longitude \`${lng}\`. Longitude must be contained between -180 and 180 degrees.`);
			return { kind: 'geo', lat, lng, direction };
		}
		if (target === '_geo') {
			return fail(
				"`_geo` is a reserved keyword and thus can't be used as a sort expression. Use the _geoPoint(latitude, longitude) built-in rule to sort on _geo field coordinates."
			);
		}
		if (!sortable.includes(target) || target === '_geo')
			return fail(`Attribute \`${target}\` is not sortable. ${available}`);
		return { kind: 'field', attribute: target, direction };
	});
}
