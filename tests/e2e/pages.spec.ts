import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe';

const publicPages = [
	{ path: '/', heading: 'Vind een nieuwe collega die graag aan de slag wil' },
	{ path: '/over-deze-site', heading: 'Over deze site' },
	{ path: '/privacy', heading: 'Privacy' },
	{ path: '/toegankelijkheid', heading: 'Toegankelijkheid' }
];

for (const { path, heading } of publicPages) {
	test(`${path} is in Dutch, has one h1 and no serious accessibility problems`, async ({ page }) => {
		await page.goto(path);
		await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		await expectAccessible(page);
	});
}

test('the skip link is the first thing a keyboard user reaches and moves focus to the content', async ({
	page
}) => {
	await page.goto('/');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Naar de inhoud' });
	await expect(skip).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();
});

test('an unknown address shows a Dutch 404 page that leads back', async ({ page }) => {
	const response = await page.goto('/bestaat-niet');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deze pagina bestaat niet');
	await expect(page.getByRole('link', { name: 'Naar de startpagina' })).toBeVisible();
	await expectAccessible(page);
});

test('the home page search leads a busy employer to candidates', async ({ page }) => {
	await page.goto('/');
	await page.getByLabel('Wat voor werk hebt u?').fill('schoonmaken');
	await page.getByRole('button', { name: 'Kandidaten zoeken' }).click();
	await expect(page).toHaveURL(/\/kandidaten\?q=schoonmaken/);
});

test('health and readiness answer as JSON', async ({ request }) => {
	const health = await request.get('/healthz');
	expect(health.status()).toBe(200);
	expect(await health.json()).toEqual({ status: 'ok' });
	const ready = await request.get('/readyz');
	expect(ready.status()).toBe(200);
	expect((await ready.json()).checks.database.ok).toBe(true);
});
