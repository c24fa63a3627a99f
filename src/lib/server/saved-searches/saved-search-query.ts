import { facetValueLabel } from '$lib/search-page/facets';
import {
	isEmptySearch,
	searchStateFromParams,
	searchStateToParams,
	type SearchState
} from '$lib/search-page/search-state';

/**
 * The query string a saved search keeps: read through the search state, so only known search
 * parameters survive (nothing else a form or URL carried, such as selected candidates), in a stable
 * order, without a page number.
 */
export function normaliseSearchQuery(raw: string): string {
	const params = new URLSearchParams(raw.replace(/^\?/, ''));
	return searchStateToParams({ ...searchStateFromParams(params), page: 1 }).toString();
}

export function searchStateOf(query: string): SearchState {
	return { ...searchStateFromParams(new URLSearchParams(query)), page: 1 };
}

export function searchLink(query: string): string {
	return query ? `/kandidaten?${query}` : '/kandidaten';
}

/** A readable name to start from, such as "‘heftruck’, Logistiek, Utrecht". */
export function suggestedName(state: SearchState): string {
	if (isEmptySearch(state)) return 'Alle kandidaten';
	const parts: string[] = [];
	if (state.q) parts.push(`‘${state.q}’`);
	for (const [attribute, values] of Object.entries(state.refinements)) {
		parts.push(...values.map((value) => facetValueLabel(attribute, value)));
	}
	if (state.workplace) parts.push(`bereikt ${state.workplace}`);
	if (state.hoursMin !== null || state.hoursMax !== null) {
		parts.push(`${state.hoursMin ?? 0} tot ${state.hoursMax ?? 60} uur`);
	}
	const name = parts.join(', ') || 'Zoekopdracht';
	return name.length > 100 ? name.slice(0, 99) + '…' : name;
}
