import { describe, expect, it } from 'vitest';
import { buildSearchRequest, mergeResults, startOfToday } from './search-query';
import { searchStateFromParams } from './search-state';
import type { SearchResult } from '$search/engine';

const now = new Date('2026-11-23T10:00:00Z');
const state = (query: string) => searchStateFromParams(new URLSearchParams(query));

describe('buildSearchRequest', () => {
	it('asks one query per refined facet that leaves out that facet, as InstantSearch does', () => {
		const request = buildSearchRequest(
			state('q=kok&sector=horeca-keuken&sector=zorg-welzijn&regio=AM13'),
			null,
			now
		);
		expect(request.queries).toHaveLength(3);
		const [main, sectors, region] = request.queries;
		expect(main.filter).toEqual([
			['"sectors"="horeca-keuken"', '"sectors"="zorg-welzijn"'],
			['"region"="AM13"']
		]);
		expect(sectors.facets).toEqual(['sectors']);
		expect(sectors.filter).toEqual([['"region"="AM13"']]);
		expect(region.facets).toEqual(['region']);
		expect(region.filter).toEqual([['"sectors"="horeca-keuken"', '"sectors"="zorg-welzijn"']]);
	});

	it('filters on the work location and sorts by distance from it', () => {
		const workplace = { code: 'GM0344', name: 'Utrecht', lat: 52.09, lon: 5.12 };
		const [main] = buildSearchRequest(state('werkplek=Utrecht'), workplace, now).queries;
		expect(main.filter).toEqual(['"reachableMunicipalities"="GM0344"']);
		expect(main.sort).toEqual(['_geoPoint(52.09,5.12):asc']);
	});

	it('escapes quotes and backslashes in values', () => {
		const withQuote = { ...state(''), refinements: { sectors: ['a"b\\c'] } };
		const [main] = buildSearchRequest(withQuote, null, now).queries;
		expect(main.filter).toEqual([['"sectors"="a\\"b\\\\c"']]);
	});

	it('filters availability on the published categories, never on a date', () => {
		const [main] = buildSearchRequest(state('beschikbaar=direct&uren_min=20'), null, now).queries;
		expect(main.filter).toEqual(['"hoursPerWeek">=20', '"availability" IN ["direct"]']);
		const [soon] = buildSearchRequest(state('beschikbaar=binnen-3-maanden'), null, now).queries;
		expect(soon.filter).toEqual(['"availability" IN ["direct", "binnen-1-maand", "binnen-3-maanden"]']);
	});

	it('knows the start of the day in the Netherlands', () => {
		expect(new Date(startOfToday(now) * 1000).toISOString()).toBe('2026-11-22T23:00:00.000Z');
		expect(startOfToday(new Date('2026-07-01T12:00:00Z')) * 1000).toBe(Date.parse('2026-06-30T22:00:00Z'));
	});
});

describe('mergeResults', () => {
	it('shows for a refined facet the counts of choosing another value, and the main query for the rest', () => {
		const request = buildSearchRequest(state('sector=ict'), null, now);
		const main = {
			indexUid: 'profiles',
			hits: [],
			query: '',
			processingTimeMs: 1,
			hitsPerPage: 20,
			page: 1,
			totalHits: 45,
			totalPages: 3,
			facetDistribution: { sectors: { ict: 45 }, region: { AM01: 45 } }
		} as SearchResult;
		const disjunctive = {
			...main,
			facetDistribution: { sectors: { ict: 45, administratie: 120 } }
		} as SearchResult;
		const merged = mergeResults(request, [main, disjunctive]);
		expect(merged.facets.sectors).toEqual({ ict: 45, administratie: 120 });
		expect(merged.facets.region).toEqual({ AM01: 45 });
		expect(merged.totalHits).toBe(45);
		expect(merged.totalPages).toBe(3);
	});
});
