import { expect, test, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { expectAccessible } from './axe';
import { recipients, waitForMail } from './mailbox';

/**
 * The employer's journey with one face, on a fake clock: three candidates in two regions give one case per
 * region with one adviser each; every mail can be answered (Reply-To); the status page names the adviser
 * with phone; after the due time it apologises with the WSP's number; a placement's contact moments fall
 * due in the adviser's inbox. Server time moves through the E2E-only /__e2e/klok route; the browser's
 * clock follows with page.clock. Runs with and without JavaScript, on both databases (demo staff).
 */
const DEMO_PASSWORD = 'demo-wachtwoord-2026';
const DAY = 24;

async function refsOf(page: Page, region: string, count: number): Promise<string[]> {
	await page.goto(`/kandidaten?regio=${region}`);
	const hrefs = await page
		.locator('.kv-result__title a')
		.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
	const refs = hrefs.map((h) => /KV-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(h)?.[0]).filter((r): r is string => !!r);
	expect(refs.length).toBeGreaterThanOrEqual(count);
	return refs.slice(-count);
}

/** Moves the server's request clock (and, with JavaScript, the browser's) forward; returns server now. */
async function advance(page: Page, hours: number, js: boolean): Promise<Date> {
	const res = await page.request.post('/__e2e/klok', { data: { hours } });
	expect(res.ok()).toBe(true);
	const now = new Date((await res.json()).now);
	if (js) await page.clock.setSystemTime(now);
	return now;
}

for (const js of [true, false]) {
	test.describe(js ? 'with JavaScript' : 'without JavaScript', () => {
		test.use({ javaScriptEnabled: js });

		test('one adviser per region, answerable mail, an honest status page and contact moments after a placement', async ({
			page
		}) => {
			test.setTimeout(180_000);
			if (js) await page.clock.install();
			const start = await advance(page, 0, js);
			const inDrenthe = await refsOf(page, 'AM03', 2);
			const [inGroningen] = await refsOf(page, 'AM01', 1);
			const suffix = randomBytes(3).toString('hex');
			const company = `Bakkerij Het Volkoren ${suffix}`;
			const email = `bakker-${suffix}@bedrijf.example`;

			// 1. A wrong field keeps the chosen candidates and everything typed.
			await page.goto(`/interesse?${[...inDrenthe, inGroningen].map((r) => `kandidaat=${r}`).join('&')}`);
			await page.getByLabel('Naam van uw bedrijf').fill(company);
			await page.getByLabel('KvK-nummer').fill('123');
			await page.getByLabel('Waar is het werk?').fill('9401');
			await page.getByLabel('Naam', { exact: true }).fill('Fatima el Amrani');
			await page.getByLabel('E-mailadres').fill(email);
			await page.getByLabel('Telefoonnummer').fill('0592 123456');
			await page.getByLabel('Functie of taken').fill('Deeg kneden en brood inpakken');
			await page.getByLabel('Uren per week').fill('24');
			await page.getByLabel(/Ik geef toestemming/).check();
			await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
			await expect(page.getByRole('alert')).toContainText('Verbeter de fouten');
			for (const ref of [...inDrenthe, inGroningen]) await expect(page.getByText(ref)).toBeVisible();
			await expect(page.getByLabel('Naam van uw bedrijf')).toHaveValue(company);
			await expect(page.getByLabel('Functie of taken')).toHaveValue('Deeg kneden en brood inpakken');
			await page.getByLabel('KvK-nummer').fill(String(10_000_000 + randomBytes(3).readUIntBE(0, 3)));
			await page.getByLabel(/Ik geef toestemming/).check();
			await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
			await expect(page.getByRole('heading', { name: 'Uw aanvraag is verstuurd' })).toBeVisible();
			const statusUrl = page.url().replace(/\?.*$/, '');

			// 2. One confirmation per region, each answerable to that region's adviser.
			const confirmations = await Promise.all(
				['AM03', 'AM01'].map((region) =>
					waitForMail(
						(m) =>
							recipients(m).includes(email) &&
							m.subject === 'Uw aanvraag is ontvangen' &&
							(m.replyTo?.value[0].address ?? '').includes(`.${region.toLowerCase()}@`)
					)
				)
			);
			const adviserEmail = confirmations[0].replyTo!.value[0].address!;
			expect(confirmations[1].replyTo!.value[0].address).not.toBe(adviserEmail);
			for (const ref of inDrenthe) expect(confirmations[0].text).toContain(ref);
			expect(confirmations[0].text).not.toContain(inGroningen);
			expect(confirmations[0].text).toContain(new URL(statusUrl).pathname);
			expect(confirmations[0].text).toMatch(/Telefoon: 06 0000 030[12]/);
			expect(confirmations[0].text).toContain('/voorzieningen?regio=AM03');

			// 3. One status page: both regions, each with its adviser's name, phone and e-mail.
			await page.goto(statusUrl);
			const drenthe = page.locator('section', { has: page.getByRole('heading', { name: /Drenthe/ }) });
			await expect(drenthe.getByRole('link', { name: adviserEmail })).toBeVisible();
			await expect(drenthe.getByRole('link', { name: /06 0000 030[12]/ })).toBeVisible();
			await expect(page.getByRole('heading', { level: 3 })).toHaveCount(2);
			if (js) await expectAccessible(page);

			// 4. Past the due time without contact: the page and a mail apologise, with the WSP's number.
			await advance(page, DAY + 1, js);
			await page.goto(statusUrl);
			await expect(drenthe.getByRole('status')).toContainText('Excuses');
			await expect(drenthe.getByRole('link', { name: '088 000 03 00' })).toBeVisible();
			const apology = await waitForMail(
				(m) => recipients(m).includes(email) && (m.subject ?? '').startsWith('Excuses')
			);
			expect(apology.replyTo?.value[0].address).toMatch(/@demo\.kandidatenverkenner\.nl$/);
			expect(apology.text).toMatch(/\/aanvraag\/[a-z2-7]{32}/);

			// 5. The adviser places a candidate; the agreement is confirmed to the employer by mail.
			await page.goto('/wsp');
			await page.getByLabel('E-mailadres').fill(adviserEmail);
			await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
			await page.getByRole('button', { name: 'Inloggen' }).click();
			// One row for the case, listing both candidates of the region.
			const caseRow = page.getByRole('row', { name: new RegExp(company) });
			for (const ref of inDrenthe) await expect(caseRow).toContainText(ref);
			await caseRow.getByRole('link', { name: company }).click();
			await expect(page.getByRole('heading', { level: 1 })).toContainText(company);
			await expect(page.getByRole('heading', { name: 'Deze aanvraag: 2 kandidaten' })).toBeVisible();
			await page.getByRole('button', { name: 'Ik heb contact gehad met de werkgever' }).click();
			await expect(page.getByRole('status').first()).toContainText('contact');
			await page.getByRole('button', { name: 'Kandidaat geeft toestemming om gegevens te delen' }).click();
			await expect(page.getByRole('status').first()).toContainText('toestemming');
			const day = (d: Date) => d.toISOString().slice(0, 10);
			const placedOn = new Date(start.getTime() + 2 * DAY * 3_600_000);
			await page.getByLabel('Stap', { exact: true }).selectOption('geplaatst');
			await page.getByLabel(/^Startdatum/).fill(day(placedOn));
			await page.getByLabel(/^Einddatum/).fill(day(new Date(placedOn.getTime() + 180 * DAY * 3_600_000)));
			await page.getByLabel(/Soort contract/).selectOption('bepaalde_tijd');
			await page.getByLabel(/^Afspraken/).fill('Start om 7 uur; de jobcoach komt de eerste week mee.');
			await page.getByRole('button', { name: 'Stap vastleggen en bevestigen' }).click();
			await expect(page.getByRole('status').first()).toContainText('bevestigd');
			const agreement = await waitForMail(
				(m) => recipients(m).includes(email) && m.subject === 'Bevestiging: geplaatst'
			);
			expect(agreement.replyTo?.value[0].address).toBe(adviserEmail);
			expect(agreement.text).toContain('de jobcoach komt de eerste week mee');
			if (js) await expectAccessible(page);

			// 6. Two weeks after the start, the first contact moment is due in the inbox.
			await advance(page, 16 * DAY, js);
			await page.goto('/wsp');
			const task = page.getByRole('row', { name: new RegExp(`Contactmoment na 2 weken.*${company}`) });
			await expect(task).toContainText('Te laat');
			await expect(page.getByRole('list', { name: 'Signalen taken' })).toContainText(
				/[1-9]\d*\s*taken te laat/
			);
			await expect(
				page.getByRole('row', { name: new RegExp(`Contactmoment na 6 weken.*${company}`) })
			).toContainText('Gepland');
		});
	});
}

test('with JavaScript, a failing server shows on the page and keeps what was typed', async ({ page }) => {
	const [ref] = await refsOf(page, 'AM03', 1);
	await page.goto(`/interesse?kandidaat=${ref}`);
	await page.getByLabel('Naam van uw bedrijf').fill('Bakkerij Storing');
	// A proxy in front of the app answering with a plain error page instead of the form's answer.
	await page.route('**/interesse?**', (route) =>
		route.request().method() === 'POST'
			? route.fulfill({ status: 502, contentType: 'text/html', body: '<h1>Bad gateway</h1>' })
			: route.continue()
	);
	await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
	await expect(page.getByRole('alert')).toContainText('Het versturen is niet gelukt');
	await expect(page.getByLabel('Naam van uw bedrijf')).toHaveValue('Bakkerij Storing');
	await expect(page.getByText(ref)).toBeVisible();
});
