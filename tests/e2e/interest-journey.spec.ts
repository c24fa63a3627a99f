import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { receivedMail, recipients, waitForMail } from './mailbox';

/**
 * The whole interest journey against the built app: an employer without an account sends a request, the
 * region's WSP contact gets the mail over SMTP, logs in, sees the request, records contact and consent,
 * replies, and the employer's status page and mailbox show the reply. Uses the demo staff of region
 * Drenthe (README), so it runs on both databases.
 */
const DEMO_PASSWORD = 'demo-wachtwoord-2026';
const team = ['coordinator.am03@demo.kandidatenverkenner.nl', 'adviseur.am03@demo.kandidatenverkenner.nl'];

test('an employer request reaches the right adviser and the reply reaches the employer', async ({ page }) => {
	// Other specs mail the same demo team: only what arrives from here on is about this request.
	const earlier = new Set((await receivedMail()).map((m) => m.messageId));
	// A published profile of region Drenthe (AM03), found the way an employer would.
	await page.goto('/kandidaten?regio=AM03');
	const href = await page.locator('.kv-result__title a').first().getAttribute('href');
	const ref = /KV-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(href ?? '')![0];
	const profile = { public_ref: ref };
	const employerEmail = `werkgever-${randomBytes(4).toString('hex')}@bedrijf.example`;

	// 1. The employer fills in the form.
	await page.goto(`/interesse?kandidaat=${profile.public_ref}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Interesse tonen');
	await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
	await expect(page.getByRole('alert')).toContainText('Verbeter de fouten');
	await page.getByLabel('Naam van uw bedrijf').fill('Bakkerij De Korenschoof');
	await page.getByLabel('KvK-nummer').fill('12345678');
	await page.getByLabel('Waar is het werk?').fill('3511');
	await page.getByLabel('Naam', { exact: true }).fill('Jan Jansen');
	await page.getByLabel('E-mailadres').fill(employerEmail);
	await page.getByLabel('Telefoonnummer').fill('06 12345678');
	await page.getByLabel('Functie of taken').fill('Brood inpakken');
	await page.getByLabel('Uren per week').fill('20');
	await page.getByLabel(/Ik geef toestemming/).check();
	await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
	await expect(page.getByRole('heading', { name: 'Uw aanvraag is verstuurd' })).toBeVisible();
	await expect(page.getByText(/uiterlijk/).first()).toBeVisible();
	const statusUrl = page.url().replace(/\?.*$/, '');

	// 2. Mail over SMTP: the employer's confirmation carries the status link; the adviser's has no data.
	const confirmation = await waitForMail((m) => recipients(m).includes(employerEmail));
	expect(confirmation.text).toContain(new URL(statusUrl).pathname);
	const notification = await waitForMail(
		(m) => !earlier.has(m.messageId) && recipients(m).some((r) => team.includes(r))
	);
	const adviserEmail = recipients(notification).find((r) => team.includes(r))!;
	expect(notification.text).not.toContain('Korenschoof');
	const requestPath = /\/wsp\/aanvragen\/\d+/.exec(notification.text ?? '')![0];

	// 3. The adviser logs in and works the request.
	await page.goto(requestPath);
	await expect(page).toHaveURL(/\/inloggen/);
	await page.getByLabel('E-mailadres').fill(adviserEmail);
	await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Bakkerij De Korenschoof');
	await page.getByRole('button', { name: 'Ik heb contact gehad met de werkgever' }).click();
	await expect(page.getByRole('status')).toContainText('contact');
	await page.getByRole('button', { name: 'Kandidaat geeft toestemming om gegevens te delen' }).click();
	await expect(page.getByRole('status')).toContainText('toestemming');
	await page
		.getByLabel('Bericht', { exact: true })
		.fill('De kandidaat wil graag kennismaken. Ik bel u morgen.');
	await page.getByRole('button', { name: 'Versturen' }).click();
	await expect(page.getByRole('status')).toContainText('verstuurd');

	// 4. The employer sees the reply on the status page and in the mail.
	const reply = await waitForMail(
		(m) => recipients(m).includes(employerEmail) && (m.text ?? '').includes('Ik bel u morgen')
	);
	expect(reply.subject).toContain('Bericht van');
	await page.context().clearCookies();
	await page.goto(statusUrl);
	await expect(page.getByText('De kandidaat wil graag kennismaken. Ik bel u morgen.')).toBeVisible();
});
