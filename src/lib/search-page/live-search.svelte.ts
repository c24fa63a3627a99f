import { instantMeiliSearch } from '@meilisearch/instant-meilisearch';
import instantsearch, { type InstantSearch, type UiState } from 'instantsearch.js';
import {
	connectConfigure,
	connectPagination,
	connectRefinementList,
	connectSearchBox,
	connectSortBy
} from 'instantsearch.js/es/connectors';
import type { Hit } from '$search/engine';
import { PROFILE_INDEX_UID } from '$search/document';
import { FACETS, HITS_PER_PAGE } from './facets';
import { baseFilters, sortOf, type Workplace } from './search-query';
import type { SearchState } from './search-state';
import { HIT_ATTRIBUTES, toHitView, type SearchView } from './search-view';

const noop = () => {};

function indexNameFor(state: SearchState, workplace: Workplace | null): string {
	const sort = sortOf(state, workplace);
	return sort ? `${PROFILE_INDEX_UID}:${sort.join(',')}` : PROFILE_INDEX_UID;
}

function configureParams(state: SearchState, workplace: Workplace | null) {
	const filters = baseFilters(state, workplace, new Date());
	return {
		hitsPerPage: HITS_PER_PAGE,
		facets: ['hoursPerWeek'],
		attributesToRetrieve: [...HIT_ATTRIBUTES],
		attributesToHighlight: ['title', 'summary'],
		...(filters.length ? { filters: filters.join(' AND ') } : {})
	};
}

function uiStateFor(state: SearchState, workplace: Workplace | null): UiState {
	return {
		[PROFILE_INDEX_UID]: {
			query: state.q,
			refinementList: Object.fromEntries(
				FACETS.map((f) => [f.attribute, state.refinements[f.attribute] ?? []])
			),
			sortBy: indexNameFor(state, workplace),
			page: state.page,
			configure: configureParams(state, workplace)
		}
	};
}

/**
 * The browser side of the search page: instantsearch.js with instant-meilisearch, talking to our own
 * `/api/search`. Its widgets are headless (connectors): the page renders the same markup as the server
 * did, from `view`, so the page looks and behaves the same with and without JavaScript.
 *
 * It searches only once the visitor changes something: the server has just rendered the results of the
 * page's own state, and asking for them again would cost every page view two more searches (one of them
 * instant-meilisearch's facet probe, which fetches whole documents).
 */
export class LiveSearch {
	view = $state<SearchView | null>(null);
	error = $state(false);
	#search: InstantSearch | null = null;

	update(state: SearchState, workplace: Workplace | null) {
		this.error = false;
		if (this.#search) this.#search.setUiState(uiStateFor(state, workplace));
		else this.#start(state, workplace);
	}

	dispose() {
		this.#search?.dispose();
	}

	#start(state: SearchState, workplace: Workplace | null) {
		const { searchClient } = instantMeiliSearch(`${location.origin}/api/search`, '', {
			finitePagination: true,
			primaryKey: 'id'
		});
		const sortItems = [
			{ label: 'Best passend', value: PROFILE_INDEX_UID },
			{ label: 'Laatst bijgewerkt', value: `${PROFILE_INDEX_UID}:updatedAt:desc` }
		];
		if (workplace)
			sortItems.push({ label: 'Dichtstbij', value: indexNameFor({ ...state, sort: 'afstand' }, workplace) });
		const search = instantsearch({
			indexName: PROFILE_INDEX_UID,
			searchClient,
			initialUiState: uiStateFor(state, workplace),
			future: { preserveSharedStateOnUnmount: true }
		});
		search.addWidgets([
			connectConfigure(noop)({ searchParameters: configureParams(state, workplace) }),
			connectSearchBox(noop)({}),
			connectSortBy(noop)({ items: sortItems }),
			connectPagination(noop)({}),
			...FACETS.map((f) =>
				connectRefinementList(noop)({ attribute: f.attribute, limit: 400, operator: 'or' })
			)
		]);
		search.on('render', () => this.#collect(search));
		search.on('error', () => (this.error = true));
		this.#search = search;
		search.start();
	}

	#collect(search: InstantSearch) {
		const results = search.mainIndex.getResults();
		if (!results) return;
		const facets: SearchView['facets'] = {};
		for (const facet of FACETS) {
			const values = results.getFacetValues(facet.attribute, { sortBy: ['count:desc', 'name:asc'] });
			if (Array.isArray(values)) {
				facets[facet.attribute] = Object.fromEntries(values.map((v) => [v.name, v.count]));
			}
		}
		const hours = results.getFacetStats('hoursPerWeek');
		this.view = {
			hits: (
				results.hits as unknown as (Hit & { _highlightResult?: Record<string, { value?: string }> })[]
			).map((hit) =>
				toHitView(hit, {
					title: hit._highlightResult?.title?.value,
					summary: hit._highlightResult?.summary?.value
				})
			),
			facets,
			facetStats: hours ? { hoursPerWeek: { min: hours.min, max: hours.max } } : {},
			totalHits: results.nbHits,
			totalPages: results.nbPages,
			page: results.page + 1
		};
	}
}
