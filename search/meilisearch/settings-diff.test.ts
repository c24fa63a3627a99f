import { describe, expect, it } from 'vitest';
import { PROFILE_INDEX } from '../index-definition';
import { definitionSettings, settingsDiff } from './settings-diff';

const wanted = definitionSettings(PROFILE_INDEX);

describe('settingsDiff', () => {
	it('finds nothing to change when the server reports the same settings in its own order and with extras', () => {
		const live = {
			...wanted,
			filterableAttributes: [...wanted.filterableAttributes!].reverse(),
			stopWords: [...wanted.stopWords!].sort().reverse(),
			synonyms: Object.fromEntries(
				Object.entries(wanted.synonyms!)
					.reverse()
					.map(([k, v]) => [k, [...v].reverse()])
			),
			typoTolerance: { ...wanted.typoTolerance, disableOnNumbers: false },
			faceting: { ...wanted.faceting },
			distinctAttribute: null
		};
		expect(settingsDiff(live, wanted)).toEqual({});
	});

	it('updates only the settings that drifted, including a changed ranking order', () => {
		const live = {
			...wanted,
			searchableAttributes: [...wanted.searchableAttributes!].reverse(),
			sortableAttributes: ['updatedAt'],
			pagination: { maxTotalHits: 1000 },
			faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'alpha' as const } }
		};
		expect(Object.keys(settingsDiff(live, wanted)).sort()).toEqual([
			'faceting',
			'pagination',
			'searchableAttributes',
			'sortableAttributes'
		]);
	});

	it('treats a fresh index (Meilisearch defaults) as needing everything we manage', () => {
		const fresh = {
			displayedAttributes: ['*'],
			searchableAttributes: ['*'],
			filterableAttributes: [],
			sortableAttributes: [],
			rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
			stopWords: [],
			synonyms: {},
			typoTolerance: {
				enabled: true,
				minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
				disableOnWords: [],
				disableOnAttributes: []
			},
			pagination: { maxTotalHits: 1000 },
			faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'alpha' as const } },
			distinctAttribute: null,
			proximityPrecision: 'byWord' as const,
			separatorTokens: [],
			nonSeparatorTokens: [],
			dictionary: [],
			searchCutoffMs: null,
			facetSearch: true,
			prefixSearch: 'indexingTime' as const
		};
		expect(Object.keys(settingsDiff(fresh, wanted)).sort()).toEqual(
			[
				'displayedAttributes',
				'faceting',
				'filterableAttributes',
				'pagination',
				'searchableAttributes',
				'sortableAttributes',
				'stopWords',
				'synonyms'
			].sort()
		);
	});

	it('puts back a Meilisearch default the embedded engine relies on when it was changed by hand', () => {
		const live = { ...wanted, proximityPrecision: 'byAttribute' as const, distinctAttribute: 'title' };
		expect(settingsDiff(live, wanted)).toEqual({ proximityPrecision: 'byWord', distinctAttribute: null });
	});

	it('sends Meilisearch the same exact-total and faceting limits the embedded engine applies', () => {
		expect(wanted.pagination).toEqual(PROFILE_INDEX.pagination);
		expect(wanted.faceting).toEqual({
			maxValuesPerFacet: PROFILE_INDEX.faceting.maxValuesPerFacet,
			sortFacetValuesBy: PROFILE_INDEX.faceting.sortFacetValuesBy
		});
		// Meilisearch's default of 1000 would turn every larger count into "1.000".
		expect(PROFILE_INDEX.pagination.maxTotalHits).toBeGreaterThanOrEqual(500_000);
	});
});
