import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe';

/**
 * Review of profile texts by the WSP team of the region (issue 10): nothing reaches the public profile
 * without a person, a finding needs an explicit confirmation, and contact data never gets through.
 */
const PASSWORD = 'demo-wachtwoord-2026';

async function logIn(page: Page, email: string) {
	await page.goto('/inloggen');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill(PASSWORD);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page).not.toHaveURL(/\/inloggen/);
}

test('a reviewer sees marked findings, must confirm them, and only then the text is public', async ({
	page
}) => {
	await logIn(page, 'adviseur.am03@demo.kandidatenverkenner.nl');
	await page.goto('/wsp/teksten');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Profielteksten beoordelen');
	const item = page.locator('.kv-texts > li').first();
	await expect(item).toBeVisible();
	const ref = /KV-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec((await item.locator('h2').textContent()) ?? '')![0];
	await expectAccessible(page);

	// Before review the public profile shows no text.
	const publicPage = await page.context().newPage();
	await publicPage.goto(`/kandidaten/${ref}`);
	await expect(publicPage.getByText('Heeft autisme en werkt graag met mensen.')).toHaveCount(0);

	// Contact data typed in by the reviewer is replaced and sent back for another look.
	const textarea = item.getByLabel('Tekst', { exact: true });
	await textarea.fill('Bel 06-12345678 gerust.');
	await item.getByRole('button', { name: 'Publiceren' }).click();
	await expect(item.getByRole('alert')).toContainText('vervangen door markeringen');
	await expect(item.getByLabel('Tekst', { exact: true })).toHaveValue('Bel [telefoon] gerust.');

	// A special-category term is a finding: publishing needs the confirmation.
	await item.getByLabel('Tekst', { exact: true }).fill('Heeft autisme en werkt graag met mensen.');
	await item.getByRole('button', { name: 'Publiceren' }).click();
	await expect(item.getByRole('alert')).toContainText('Gezondheid of diagnose');
	await publicPage.reload();
	await expect(publicPage.getByText('Heeft autisme en werkt graag met mensen.')).toHaveCount(0);

	await item.getByLabel(/Ik heb elke markering bekeken/).check();
	await item.getByRole('button', { name: 'Publiceren' }).click();
	await expect(page.getByRole('status')).toContainText(`De tekst van ${ref} is gepubliceerd.`);
	await publicPage.reload();
	await expect(publicPage.getByText('Heeft autisme en werkt graag met mensen.')).toBeVisible();
});

test('the review queue belongs to the region: an adviser of another region cannot see it', async ({
	page
}) => {
	await logIn(page, 'adviseur.am03@demo.kandidatenverkenner.nl');
	await page.goto('/wsp/teksten');
	const am03 = await page.locator('.kv-texts > li h2').allTextContents();
	await page.context().clearCookies();
	await logIn(page, 'adviseur.am22@demo.kandidatenverkenner.nl');
	await page.goto('/wsp/teksten');
	const am22 = await page.locator('.kv-texts > li h2').allTextContents();
	const refs = (list: string[]) => list.map((h) => /KV-\S+/.exec(h)?.[0]);
	expect(refs(am22).filter((r) => refs(am03).includes(r))).toEqual([]);
});
