import { FACETS, facetValueLabel } from './facets';
import type { Availability, SearchState } from './search-state';

/** One removable chip above the results: what it says, and the search without it. */
export interface ActiveFilter {
	key: string;
	label: string;
	without: SearchState;
}

export const AVAILABILITY_LABELS: Record<Availability, string> = {
	direct: 'Direct',
	'binnen-1-maand': 'Binnen 1 maand',
	'binnen-3-maanden': 'Binnen 3 maanden',
	later: 'Later dan over 3 maanden'
};

function hoursLabel(min: number | null, max: number | null): string {
	if (min !== null && max !== null) return `${min} tot en met ${max} uur`;
	return min !== null ? `vanaf ${min} uur` : `tot en met ${max} uur`;
}

/**
 * Every filter the employer set, in the order of the filter panel, each with the search that is left
 * when it is removed (always from page 1). The search words are not a chip: they stay in the search box.
 */
export function activeFilters(state: SearchState, workplaceName?: string | null): ActiveFilter[] {
	const base = { ...state, page: 1 };
	const chips: ActiveFilter[] = [];
	if (state.workplace) {
		chips.push({
			key: 'werkplek',
			label: `Werkplek ${workplaceName ?? state.workplace}`,
			without: { ...base, workplace: '', sort: state.sort === 'afstand' ? 'relevantie' : state.sort }
		});
	}
	if (state.availability) {
		chips.push({
			key: 'beschikbaar',
			label: `Kan beginnen: ${AVAILABILITY_LABELS[state.availability]}`,
			without: { ...base, availability: null }
		});
	}
	if (state.hoursMin !== null || state.hoursMax !== null) {
		chips.push({
			key: 'uren',
			label: `Uren: ${hoursLabel(state.hoursMin, state.hoursMax)}`,
			without: { ...base, hoursMin: null, hoursMax: null }
		});
	}
	for (const facet of FACETS) {
		for (const value of state.refinements[facet.attribute] ?? []) {
			chips.push({
				key: `${facet.param}=${value}`,
				label: facetValueLabel(facet.attribute, value),
				without: {
					...base,
					refinements: {
						...state.refinements,
						[facet.attribute]: (state.refinements[facet.attribute] ?? []).filter((v) => v !== value)
					}
				}
			});
		}
	}
	return chips;
}

/** The search with every filter gone but the search words kept. */
export function withoutFilters(state: SearchState): SearchState {
	return {
		...state,
		refinements: {},
		hoursMin: null,
		hoursMax: null,
		availability: null,
		workplace: '',
		sort: state.sort === 'afstand' ? 'relevantie' : state.sort,
		page: 1
	};
}
