import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { searchStateFromParams } from '$lib/search/search-state';
import Pagination from './Pagination.svelte';

describe('Pagination', () => {
	it('links to the neighbouring pages with the whole search in the URL, and marks the current page', () => {
		const state = searchStateFromParams(new URLSearchParams('q=kok&regio=AM01'));
		render(Pagination, { state, page: 3, totalPages: 10 });
		expect(screen.getByText('Pagina 3').getAttribute('aria-current')).toBe('page');
		expect(screen.getByRole('link', { name: 'Volgende' }).getAttribute('href')).toBe(
			'/kandidaten?q=kok&regio=AM01&pagina=4'
		);
		expect(screen.getByRole('link', { name: 'Vorige' }).getAttribute('href')).toBe(
			'/kandidaten?q=kok&regio=AM01&pagina=2'
		);
		expect(screen.getByRole('link', { name: 'Pagina 10' })).toBeTruthy();
	});

	it('shows nothing when everything fits on one page', () => {
		const { container } = render(Pagination, {
			state: searchStateFromParams(new URLSearchParams()),
			page: 1,
			totalPages: 1
		});
		expect(container.querySelector('nav')).toBeNull();
	});

	it('tells that only the first 50 pages can be shown', () => {
		render(Pagination, { state: searchStateFromParams(new URLSearchParams()), page: 1, totalPages: 80 });
		expect(screen.getByText(/eerste 50 pagina's/)).toBeTruthy();
	});
});
