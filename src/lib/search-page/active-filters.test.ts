import { describe, expect, it } from 'vitest';
import { activeFilters, withoutFilters } from './active-filters';
import { searchHref, searchStateFromParams } from './search-state';

const state = (query: string) => searchStateFromParams(new URLSearchParams(query));

describe('activeFilters', () => {
	it('gives one removable chip per chosen filter, each leading to the search without it', () => {
		const s = state(
			'q=kok&werkplek=3511&beschikbaar=direct&uren_min=20&sector=horeca-keuken&regio=AM13&pagina=3'
		);
		const chips = activeFilters(s, 'Utrecht');
		expect(chips.map((c) => c.label)).toEqual([
			'Werkplek Utrecht',
			'Kan beginnen: Direct',
			'Uren: vanaf 20 uur',
			'Horeca en keuken',
			'Midden-Utrecht'
		]);
		expect(chips.map((c) => searchHref(c.without))).toEqual([
			'/kandidaten?q=kok&sector=horeca-keuken&regio=AM13&uren_min=20&beschikbaar=direct',
			'/kandidaten?q=kok&sector=horeca-keuken&regio=AM13&uren_min=20&werkplek=3511',
			'/kandidaten?q=kok&sector=horeca-keuken&regio=AM13&beschikbaar=direct&werkplek=3511',
			'/kandidaten?q=kok&regio=AM13&uren_min=20&beschikbaar=direct&werkplek=3511',
			'/kandidaten?q=kok&sector=horeca-keuken&uren_min=20&beschikbaar=direct&werkplek=3511'
		]);
	});

	it('keeps a chosen sort when the workplace goes, but not sorting by distance', () => {
		const [recent] = activeFilters(state('werkplek=Utrecht&sortering=recent'));
		expect(searchHref(recent.without)).toBe('/kandidaten?sortering=recent');
		const [nearest] = activeFilters(state('werkplek=Utrecht'));
		expect(nearest.label).toBe('Werkplek Utrecht');
		expect(searchHref(nearest.without)).toBe('/kandidaten');
	});

	it('clears every filter but keeps the search words', () => {
		expect(searchHref(withoutFilters(state('q=kok&werkplek=Utrecht&uren_max=32&sector=ict')))).toBe(
			'/kandidaten?q=kok'
		);
		expect(activeFilters(state('q=kok'))).toEqual([]);
	});
});
