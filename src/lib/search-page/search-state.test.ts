import { describe, expect, it } from 'vitest';
import { isEmptySearch, searchHref, searchStateFromParams, searchStateToParams } from './search-state';

const parse = (query: string) => searchStateFromParams(new URLSearchParams(query));

describe('the search URL', () => {
	it('round-trips every part of a search, so a bookmark brings back the same search', () => {
		const query =
			'q=magazijn&sector=logistiek-transport&sector=productie-industrie&regio=AM22&uren_min=24&uren_max=32&beschikbaar=direct&werkplek=Rotterdam&sortering=recent&pagina=3';
		const state = parse(query);
		expect(state).toMatchObject({
			q: 'magazijn',
			refinements: { sectors: ['logistiek-transport', 'productie-industrie'], region: ['AM22'] },
			hoursMin: 24,
			hoursMax: 32,
			availability: 'direct',
			workplace: 'Rotterdam',
			sort: 'recent',
			page: 3
		});
		expect(parse(searchStateToParams(state).toString())).toEqual(state);
	});

	it('sorts nearest first once a work location is given, and leaves the default out of the URL', () => {
		const state = parse('werkplek=3511');
		expect(state.sort).toBe('afstand');
		expect(searchHref(state)).toBe('/kandidaten?werkplek=3511');
		expect(parse('sortering=afstand').sort).toBe('relevantie');
	});

	it('ignores malformed parts instead of failing the page', () => {
		const state = parse('uren_min=veel&pagina=-2&beschikbaar=gisteren&sector=%3Cscript%3E&sortering=x');
		expect(state.hoursMin).toBeNull();
		expect(state.page).toBe(1);
		expect(state.availability).toBeNull();
		expect(state.refinements.sectors).toBeUndefined();
		expect(isEmptySearch(state)).toBe(true);
	});

	it('swaps hours given the wrong way round and caps the page at what can be shown', () => {
		const state = parse('uren_min=32&uren_max=16&pagina=999');
		expect([state.hoursMin, state.hoursMax]).toEqual([16, 32]);
		expect(state.page).toBe(1);
		expect(parse('pagina=50').page).toBe(50);
	});
});
