import { expect, test } from '@playwright/test';
import { hash } from '@node-rs/argon2';
import postgres from 'postgres';
import { randomBytes } from 'node:crypto';
import { recipients, waitForMail } from './mailbox';

/**
 * The whole interest journey against the built app: an employer without an account sends a request, the
 * region's adviser gets the mail over SMTP, logs in, sees the request, records contact and consent,
 * replies, and the employer's status page and mailbox show the reply.
 *
 * Needs: global-setup's app with demo profiles, and E2E_DATABASE_URL (a PostgreSQL run) to create the
 * adviser's account for the profile's region; on an embedded run the test is skipped.
 */
const databaseUrl = process.env.E2E_DATABASE_URL;

test.skip(!databaseUrl, 'needs E2E_DATABASE_URL to create a WSP account');

test('an employer request reaches the right adviser and the reply reaches the employer', async ({ page }) => {
	const sql = postgres(databaseUrl!, { max: 1, onnotice: () => {} });
	try {
		const [profile] =
			await sql`select public_ref, region_code from public_profiles order by public_ref limit 1`;
		const adviserEmail = `adviseur-${randomBytes(4).toString('hex')}@wsp.example`;
		const password = 'e2e-wachtwoord-' + randomBytes(6).toString('hex');
		// The adviser is the candidate's own consultant, so routing is deterministic.
		await sql`
			insert into users (id, email, name, role, region_code, password_hash, email_verified_at)
			values (${randomBytes(12).toString('hex')}, ${adviserEmail}, 'Adviseur E2E', 'wsp',
				${profile.region_code}, ${await hash(password)}, now())`;
		await sql`update candidates set klantmanager_email = ${adviserEmail} where public_ref = ${profile.public_ref}`;
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
		const notification = await waitForMail((m) => recipients(m).includes(adviserEmail));
		expect(notification.text).not.toContain('Korenschoof');
		const requestPath = /\/wsp\/aanvragen\/\d+/.exec(notification.text ?? '')![0];

		// 3. The adviser logs in and works the request.
		await page.goto(requestPath);
		await expect(page).toHaveURL(/\/inloggen/);
		await page.getByLabel('E-mailadres').fill(adviserEmail);
		await page.getByLabel('Wachtwoord').fill(password);
		await page.getByRole('button', { name: 'Inloggen' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Bakkerij De Korenschoof');
		await expect(page.getByText('Eigen klantmanager van de kandidaat')).toBeVisible();
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
	} finally {
		await sql.end();
	}
});
