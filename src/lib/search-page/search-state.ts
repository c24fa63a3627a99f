import * as v from 'valibot';
import { FACETS } from './facets';

/**
 * Everything a search is, as it stands in the page's URL (Dutch parameter names), so a search can be
 * bookmarked and shared, the server renders it without JavaScript, and the browser client starts from it.
 */
export const AVAILABILITY = ['direct', 'binnen-1-maand', 'binnen-3-maanden', 'later'] as const;
export const SORTS = ['relevantie', 'recent', 'afstand'] as const;
export type Availability = (typeof AVAILABILITY)[number];
export type SortChoice = (typeof SORTS)[number];

export interface SearchState {
	q: string;
	/** Selected facet values per document attribute (OR within an attribute, AND across). */
	refinements: Record<string, string[]>;
	hoursMin: number | null;
	hoursMax: number | null;
	availability: Availability | null;
	/** What the employer typed as work location: a municipality name or a 4-digit postcode. */
	workplace: string;
	sort: SortChoice;
	/** 1-based. */
	page: number;
}

export const MAX_PAGE = 50;
const FACET_VALUE = /^[\p{L}\p{N} .,'()/_-]{1,60}$/u;

const hours = v.pipe(
	v.string(),
	v.trim(),
	v.regex(/^\d{1,2}$/),
	v.transform(Number),
	v.minValue(0),
	v.maxValue(60)
);
const parseOr = <T>(schema: v.GenericSchema<string, T>, value: string | null, fallback: T): T => {
	if (value === null) return fallback;
	const result = v.safeParse(schema, value);
	return result.success ? result.output : fallback;
};

export function emptySearchState(): SearchState {
	return {
		q: '',
		refinements: {},
		hoursMin: null,
		hoursMax: null,
		availability: null,
		workplace: '',
		sort: 'relevantie',
		page: 1
	};
}

/** Reads a search from URL parameters; anything malformed is left out rather than failing the page. */
export function searchStateFromParams(params: URLSearchParams): SearchState {
	const state = emptySearchState();
	state.q = (params.get('q') ?? '').trim().slice(0, 200);
	for (const facet of FACETS) {
		const values = [...new Set(params.getAll(facet.param).map((s) => s.trim()))]
			.filter((s) => FACET_VALUE.test(s))
			.slice(0, 50);
		if (values.length) state.refinements[facet.attribute] = values;
	}
	state.hoursMin = parseOr(hours, params.get('uren_min'), null);
	state.hoursMax = parseOr(hours, params.get('uren_max'), null);
	if (state.hoursMin !== null && state.hoursMax !== null && state.hoursMin > state.hoursMax) {
		[state.hoursMin, state.hoursMax] = [state.hoursMax, state.hoursMin];
	}
	state.availability = parseOr(v.picklist(AVAILABILITY), params.get('beschikbaar'), null);
	state.workplace = (params.get('werkplek') ?? '').trim().slice(0, 80);
	state.sort = parseOr(
		v.picklist(SORTS),
		params.get('sortering'),
		state.workplace ? 'afstand' : 'relevantie'
	);
	if (state.sort === 'afstand' && !state.workplace) state.sort = 'relevantie';
	state.page = parseOr(
		v.pipe(v.string(), v.regex(/^\d{1,3}$/), v.transform(Number), v.minValue(1), v.maxValue(MAX_PAGE)),
		params.get('pagina'),
		1
	);
	return state;
}

/** The URL parameters of a search, in a stable order, leaving out defaults. */
export function searchStateToParams(state: SearchState): URLSearchParams {
	const params = new URLSearchParams();
	if (state.q) params.set('q', state.q);
	for (const facet of FACETS) {
		for (const value of state.refinements[facet.attribute] ?? []) params.append(facet.param, value);
	}
	if (state.hoursMin !== null) params.set('uren_min', String(state.hoursMin));
	if (state.hoursMax !== null) params.set('uren_max', String(state.hoursMax));
	if (state.availability) params.set('beschikbaar', state.availability);
	if (state.workplace) params.set('werkplek', state.workplace);
	const defaultSort = state.workplace ? 'afstand' : 'relevantie';
	if (state.sort !== defaultSort) params.set('sortering', state.sort);
	if (state.page > 1) params.set('pagina', String(state.page));
	return params;
}

export function searchHref(state: SearchState): string {
	const query = searchStateToParams(state).toString();
	return query ? `/kandidaten?${query}` : '/kandidaten';
}

export function isEmptySearch(state: SearchState): boolean {
	return searchStateToParams({ ...state, page: 1 }).toString() === '';
}
