import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe';

/**
 * The candidates picked for one interest request survive paging, Back and reload: in the URL without
 * JavaScript, in session storage with it. The workplace of the search sorts by distance, shows as a chip
 * and fills in the work location of the interest form.
 */
const pick = (page: Page, n: number) =>
	page.getByRole('checkbox', { name: /^Selecteren voor ‘Interesse tonen’/ }).nth(n);
const interest = (page: Page) => page.getByRole('button', { name: /^Interesse tonen/ });
const refOf = async (page: Page, n: number) => (await pick(page, n).getAttribute('value'))!;

async function expectInterestForm(page: Page, refs: string[]) {
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Interesse tonen');
	for (const ref of refs) await expect(page.getByText(ref, { exact: false }).first()).toBeVisible();
	await expect(page.locator('ul.kv-selection > li')).toHaveCount(refs.length);
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the pick travels in the URL when paging and is counted on the button', async ({ page }) => {
		await page.goto('/kandidaten');
		const first = [await refOf(page, 0), await refOf(page, 1)];
		await pick(page, 0).check();
		await pick(page, 1).check();
		await page.getByRole('button', { name: 'Volgende' }).click();
		await expect(page).toHaveURL(/pagina=2/);
		for (const ref of first) await expect(page).toHaveURL(new RegExp(`kandidaat=${ref}`));
		// The picks of page 1 go along with the form (and count on the button) while page 2 shows.
		await expect(page.locator('.kv-interest input[type=hidden][name=kandidaat]')).toHaveCount(2);
		await expect(page.locator('.kv-interest')).toHaveCSS('position', 'sticky');
		const third = await refOf(page, 0);
		// Back to page 1 and forward again: the URL still holds the pick.
		await page.goBack();
		await expect(page).not.toHaveURL(/pagina=2/);
		await page.goForward();
		await expect(page.locator('.kv-interest input[type=hidden][name=kandidaat]')).toHaveCount(2);
		await pick(page, 0).check();
		await interest(page).click();
		await expectInterestForm(page, [...first, third]);
	});

	test('a workplace sorts by distance, shows as a chip and fills in the interest form', async ({ page }) => {
		await page.goto('/kandidaten');
		await page.getByLabel('Kan mijn werkplek bereiken').fill('Utrecht');
		await page.getByRole('button', { name: 'Zoeken' }).click();
		await expect(page.getByRole('combobox', { name: 'Sorteren op' }).locator('option:checked')).toHaveText(
			'Dichtst bij Utrecht'
		);
		await expect(page.getByRole('link', { name: 'Filter Werkplek Utrecht verwijderen' })).toBeVisible();
		const ref = await refOf(page, 0);
		await pick(page, 0).check();
		await interest(page).click();
		await expectInterestForm(page, [ref]);
		await expect(page.getByLabel('Waar is het werk?')).toHaveValue('Utrecht');
	});
});

test.describe('with JavaScript', () => {
	test('the pick survives paging, Back and reload, and the control stays in sight', async ({ page }) => {
		// A slow connection, as on a cheap phone: the URL of page 2 shows before its results do.
		await page.route('**/api/search**', async (route) => {
			await new Promise((resolve) => setTimeout(resolve, 400));
			await route.continue();
		});
		await page.goto('/kandidaten');
		await expect(interest(page)).toHaveAccessibleName('Interesse tonen (0)');
		const refs = [await refOf(page, 0), await refOf(page, 2)];
		await pick(page, 0).check();
		await pick(page, 2).check();
		await expect(interest(page)).toHaveAccessibleName('Interesse tonen (2)');
		await expect(page.locator('.kv-interest')).toHaveCSS('position', 'sticky');
		await page.getByRole('button', { name: 'Volgende' }).click();
		await expect(page).toHaveURL(/pagina=2/);
		// The URL changes before the results of page 2 arrive; read a pick only once they show.
		await expect(
			page.getByRole('navigation', { name: 'Paginering' }).locator('[aria-current=page]')
		).toHaveText('Pagina 2');
		// The pick stays out of the URL (a shared search link does not share it).
		expect(page.url()).not.toContain('kandidaat=');
		refs.push(await refOf(page, 1));
		await pick(page, 1).check();
		await expect(interest(page)).toHaveAccessibleName('Interesse tonen (3)');

		await page.locator('.kv-result__title a').first().click();
		// Back once the profile shows, as a reader would: Back while the page is still on its way races
		// the navigation itself.
		await expect(page).toHaveURL(/\/kandidaten\/KV-/);
		await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Kandidaten zoeken');
		await page.goBack();
		await expect(interest(page)).toHaveAccessibleName('Interesse tonen (3)');
		await page.reload();
		await expect(interest(page)).toHaveAccessibleName('Interesse tonen (3)');
		await expect(pick(page, 1)).toBeChecked();
		await expectAccessible(page);

		await interest(page).click();
		await expectInterestForm(page, refs);
	});

	test('a workplace sorts by distance, shows as a chip and fills in the interest form', async ({ page }) => {
		await page.goto('/kandidaten');
		await page.getByLabel('Kan mijn werkplek bereiken').fill('Utrecht');
		await page.getByLabel('Kan mijn werkplek bereiken').press('Enter');
		await expect(page).toHaveURL(/werkplek=Utrecht/);
		expect(page.url()).not.toContain('sortering=');
		await expect(page.getByRole('combobox', { name: 'Sorteren op' }).locator('option:checked')).toHaveText(
			'Dichtst bij Utrecht'
		);
		await expect(page.locator('.kv-result__distance').first()).toContainText('van uw werkplek');
		const ref = await refOf(page, 0);
		await pick(page, 0).check();
		await interest(page).click();
		await expectInterestForm(page, [ref]);
		await expect(page.getByLabel('Waar is het werk?')).toHaveValue('Utrecht');

		await page.goBack();
		await page.getByRole('link', { name: 'Filter Werkplek Utrecht verwijderen' }).click();
		await expect(page).not.toHaveURL(/werkplek=/);
		await expect(page.getByRole('combobox', { name: 'Sorteren op' }).locator('option:checked')).toHaveText(
			'Best passend'
		);
	});
});
