import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe';

/** Every page not already scanned in another spec gets the same axe check (serious or critical fails). */
const DEMO_PASSWORD = 'demo-wachtwoord-2026';

async function logIn(page: Page, email: string) {
	await page.goto('/inloggen');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page).not.toHaveURL(/\/inloggen/);
}

test('public forms are accessible: log-in, password reset, interest form', async ({ page }) => {
	for (const path of ['/inloggen', '/wachtwoord-vergeten']) {
		await page.goto(path);
		await expectAccessible(page);
	}
	await page.goto('/kandidaten');
	await page.locator('.kv-result__title a').first().click();
	await page.getByRole('link', { name: 'Interesse tonen' }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Interesse tonen');
	await expectAccessible(page);
	// The form with every error shown.
	await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	await expectAccessible(page);
});

test('staff pages are accessible for an administrator', async ({ page }) => {
	// Eleven axe scans in one test: on a loaded machine each takes seconds, so give it room.
	test.setTimeout(240_000);
	await logIn(page, 'beheer@demo.kandidatenverkenner.nl');
	for (const path of [
		'/wsp',
		'/wsp/teksten',
		'/beheer',
		'/beheer/gebruikers',
		'/beheer/regios',
		'/beheer/regios/AM03',
		'/beheer/audit',
		'/beheer/mail',
		'/beheer/aanmeldingen',
		'/beheer/import',
		'/account'
	]) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(200);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expectAccessible(page);
	}
});

test("an intermediary's own pages are accessible", async ({ page }) => {
	await logIn(page, 'jobcoach@demo.kandidatenverkenner.nl');
	for (const path of ['/zoekopdrachten', '/account', '/account/gegevens']) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(200);
		await expectAccessible(page);
	}
});

test('a WSP adviser cannot open administration pages', async ({ page }) => {
	await logIn(page, 'adviseur.am03@demo.kandidatenverkenner.nl');
	for (const path of ['/beheer', '/beheer/gebruikers', '/beheer/import', '/beheer/aanmeldingen']) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(403);
	}
	const inbox = await page.goto('/wsp');
	expect(inbox?.status()).toBe(200);
});
