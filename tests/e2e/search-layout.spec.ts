import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe';

/**
 * The search page on a phone and on a desktop, with and without JavaScript: results first, filters behind
 * a "Filters (n)" control, removable chips, a skip link, and the keyboard route to the first result.
 * Before this layout a phone showed about 3,300 px of filters first and needed 74 Tab presses.
 */
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const SECTOR = 'Logistiek en transport';

/** Tab presses from page load until focus is inside the first result (or -1 after `max`). */
async function tabsToFirstResult(page: Page, max = 200): Promise<number> {
	for (let i = 1; i <= max; i++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate(() => !!document.activeElement?.closest('.kv-result'))) return i;
	}
	return -1;
}

async function firstResultTop(page: Page): Promise<number> {
	return page
		.locator('.kv-result')
		.first()
		.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
}

for (const javaScriptEnabled of [false, true]) {
	test.describe(`${javaScriptEnabled ? 'with' : 'without'} JavaScript`, () => {
		test.use({ javaScriptEnabled });

		test.describe('on a phone', () => {
			test.use({ viewport: PHONE });

			test('results come first: within 1.5 screens and at most 15 Tab presses', async ({ page }) => {
				await page.goto('/kandidaten');
				const top = await firstResultTop(page);
				expect(top).toBeLessThanOrEqual(1.5 * PHONE.height);
				const tabs = await tabsToFirstResult(page);
				expect(tabs).toBeGreaterThan(0);
				expect(tabs).toBeLessThanOrEqual(15);
				test.info().annotations.push({ type: 'measured', description: `top ${top} px, ${tabs} Tab presses` });
				await expect(page.getByRole('checkbox', { name: new RegExp(`^${SECTOR}`) })).toBeHidden();
				// axe runs inside the page, so it needs JavaScript; the server renders the same markup without it.
				if (javaScriptEnabled) await expectAccessible(page);
			});

			test('"Filters (n)" opens the refinements; chosen filters show as chips that remove them', async ({
				page
			}) => {
				await page.goto('/kandidaten');
				await page.locator('summary.kv-filters__toggle').click();
				await page.getByRole('checkbox', { name: new RegExp(`^${SECTOR}`) }).check();
				await page.getByRole('radio', { name: 'Direct' }).check();
				await page.getByRole('button', { name: 'Filters toepassen' }).click();
				await expect(page).toHaveURL(/sector=logistiek-transport/);
				await expect(page.locator('summary.kv-filters__toggle')).toHaveText('Filters (2)');
				// The panel closes again after applying, so the results are in view.
				await expect(page.getByRole('checkbox', { name: new RegExp(`^${SECTOR}`) })).toBeHidden();
				expect(await firstResultTop(page)).toBeLessThanOrEqual(1.5 * PHONE.height);
				// axe runs inside the page, so it needs JavaScript; the server renders the same markup without it.
				if (javaScriptEnabled) await expectAccessible(page);

				await page.getByRole('link', { name: `Filter ${SECTOR} verwijderen` }).click();
				await expect(page).not.toHaveURL(/sector=/);
				await expect(page).toHaveURL(/beschikbaar=direct/);
				await expect(page.locator('summary.kv-filters__toggle')).toHaveText('Filters (1)');
				await expect(page.getByRole('link', { name: `Filter ${SECTOR} verwijderen` })).toHaveCount(0);
				await page.getByRole('link', { name: 'Filter Kan beginnen: Direct verwijderen' }).click();
				await expect(page.locator('summary.kv-filters__toggle')).toHaveText('Filters');
			});
		});

		test.describe('on a desktop', () => {
			test.use({ viewport: DESKTOP });

			test('filters stand beside the results; the skip link reaches the first result quickly', async ({
				page
			}) => {
				await page.goto('/kandidaten?sector=logistiek-transport');
				await expect(page.getByRole('checkbox', { name: new RegExp(`^${SECTOR}`) })).toBeVisible();
				expect(await firstResultTop(page)).toBeLessThan(DESKTOP.height);
				let presses = 0;
				for (; presses < 15; presses++) {
					const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
					if (focused === 'Naar de resultaten') break;
					await page.keyboard.press('Tab');
				}
				await page.keyboard.press('Enter');
				await expect(page.locator('#resultaten-kop')).toBeFocused();
				const rest = await tabsToFirstResult(page, 15);
				expect(rest).toBeGreaterThan(0);
				expect(presses + 1 + rest).toBeLessThanOrEqual(15);
				await expect(page.getByRole('link', { name: `Filter ${SECTOR} verwijderen` })).toBeVisible();
				// axe runs inside the page, so it needs JavaScript; the server renders the same markup without it.
				if (javaScriptEnabled) await expectAccessible(page);
			});
		});
	});
}
