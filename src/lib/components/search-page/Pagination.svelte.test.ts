import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import Pagination from './Pagination.svelte';

describe('Pagination', () => {
	// The first render in jsdom compiles the component: on a loaded machine that passes 5 s.
	it(
		'offers the neighbouring pages as submit buttons of the search form, and marks the current page',
		{ timeout: 30_000 },
		() => {
			render(Pagination, { page: 3, totalPages: 10 });
			expect(screen.getByText('Pagina 3').getAttribute('aria-current')).toBe('page');
			const next = screen.getByRole('button', { name: 'Volgende' });
			expect([next.getAttribute('type'), next.getAttribute('name'), next.getAttribute('value')]).toEqual([
				'submit',
				'pagina',
				'4'
			]);
			expect(screen.getByRole('button', { name: 'Vorige' }).getAttribute('value')).toBe('2');
			expect(screen.getByRole('button', { name: 'Pagina 10' }).getAttribute('value')).toBe('10');
		}
	);

	it('shows nothing when everything fits on one page', () => {
		const { container } = render(Pagination, { page: 1, totalPages: 1 });
		expect(container.querySelector('nav')).toBeNull();
	});

	it('tells that only the first 50 pages can be shown', () => {
		render(Pagination, { page: 1, totalPages: 80 });
		expect(screen.getByText(/eerste 50 pagina's/)).toBeTruthy();
	});
});
