import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { e2eDatabaseUrl, withDatabase } from './database';
import { recipients, waitForMail } from './mailbox';

/**
 * The intermediary journey against the built app: register, confirm the address over SMTP, get approved
 * by an admin, save a search with daily alerts; then new candidates are imported and the alert mail
 * arrives over SMTP with exactly the candidates published since the search was saved that match it;
 * its unsubscribe link works without logging in.
 *
 * The import runs the CLI against the app's database, so that part needs E2E_DATABASE_URL (a
 * PostgreSQL run); the alert job is started through the test-only POST /__e2e/alerts (E2E=1 only).
 */
test.describe.configure({ mode: 'serial' });

const run = randomBytes(3).toString('hex');
const email = `jobcoach-${run}@bureau.example`;
const password = 'zonnige ochtend boven de heide';
const organisation = `Re-integratiebureau E2E ${run}`;
const searchName = `Drenthe E2E ${run}`;
// Emmen, in labour market region Drenthe (AM03).
const REGION = 'AM03';
const MUNICIPALITY = 'GM0114';
let searchPath = '';

async function logIn(page: Page, who: string, secret: string) {
	await page.context().clearCookies();
	await page.goto('/inloggen');
	await page.getByLabel('E-mailadres').fill(who);
	await page.getByLabel('Wachtwoord').fill(secret);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page).not.toHaveURL(/\/inloggen/);
}

const refsIn = (text: string) =>
	[...new Set(text.match(/KV-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/g) ?? [])].sort();

test('an intermediary registers, confirms, is approved and saves a search', async ({ page }) => {
	await page.goto('/registreren');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aanmelden');
	await expectAccessible(page);

	await page.getByLabel('Naam van de organisatie').fill(organisation);
	await page.getByLabel('KvK-nummer').fill('1234');
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(page.getByRole('alert')).toContainText('Verbeter de fouten');
	await expect(page.getByLabel('Naam van de organisatie')).toHaveValue(organisation);
	await expect(page.getByText('Een KvK-nummer heeft 8 cijfers').first()).toBeVisible();

	await page.getByLabel('KvK-nummer').fill('12345678');
	await page.getByLabel('Naam', { exact: true }).fill('Fatima Jansen');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill(password);
	await page.getByLabel(/Ik geef toestemming/).check();
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(page.getByText('Bijna klaar. Kijk in uw e-mail.')).toBeVisible();

	const verification = await waitForMail(
		(m) => recipients(m).includes(email) && /Bevestig/.test(m.subject ?? '')
	);
	const link = /https?:\/\/\S+\/registreren\/bevestigen\/[a-z2-7]+/.exec(verification.text ?? '')![0];
	await page.goto(new URL(link).pathname);
	await page.getByRole('button', { name: 'E-mailadres bevestigen' }).click();
	await expect(page.getByText('Uw e-mailadres is bevestigd.')).toBeVisible();

	await logIn(page, email, password);
	await page.goto('/zoekopdrachten');
	await expect(page.getByText('Uw aanmelding wacht op goedkeuring')).toBeVisible();

	await logIn(page, 'beheer@demo.kandidatenverkenner.nl', 'demo-wachtwoord-2026');
	await page.goto('/beheer/aanmeldingen');
	await page.getByRole('button', { name: `Goedkeuren aanmelding van ${organisation}` }).click();
	await expect(page.getByRole('status')).toContainText('goedgekeurd');
	await waitForMail((m) => recipients(m).includes(email) && /goedgekeurd/.test(m.subject ?? ''));

	await logIn(page, email, password);
	await page.goto(`/kandidaten?regio=${REGION}`);
	await page.getByLabel('Naam van de zoekopdracht (niet verplicht)').fill(searchName);
	await page.getByRole('button', { name: 'Zoekopdracht bewaren' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(searchName);
	searchPath = new URL(page.url()).pathname;
	await page.getByLabel('Elke dag een e-mail (om 7 uur)').check();
	await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
	await expect(page.getByText('Uw keuze voor e-mails is opgeslagen.')).toBeVisible();

	await page.goto('/zoekopdrachten');
	await expect(page.getByRole('link', { name: searchName, exact: true })).toBeVisible();
	await expectAccessible(page);
});

test('another intermediary cannot open that search', async ({ page }) => {
	expect(searchPath).toMatch(/^\/zoekopdrachten\/[a-z2-7]+$/);
	await logIn(page, 'jobcoach@demo.kandidatenverkenner.nl', 'demo-wachtwoord-2026');
	const response = await page.goto(searchPath);
	expect(response?.status()).toBe(404);
	await page.goto('/zoekopdrachten');
	await expect(page.getByText(searchName)).toHaveCount(0);
});

test('new matching candidates arrive in one alert mail, and unsubscribing works from the mail', async ({
	page,
	request
}) => {
	// Skipped only on an embedded run: the import command and the expected set of new candidates both need
	// the app's database, which an embedded app process holds alone. CI sets DATABASE_URL, so this runs there.
	test.skip(!e2eDatabaseUrl, 'needs E2E_DATABASE_URL to run the import against the app’s database');
	const searchId = searchPath.split('/').pop()!;
	const cursor = await withDatabase(async (sql) => {
		const [row] = await sql`select alert_cursor from saved_searches where id = ${searchId}`;
		return Number(row.alert_cursor);
	});

	// A small export of new candidates in Emmen, made with the demo generator and imported with the CLI.
	const dir = join(process.cwd(), 'test-results', 'e2e-import');
	mkdirSync(dir, { recursive: true });
	const csv = join(dir, `nieuw-${run}.csv`);
	const generator = join(dir, `generate-${run}.ts`);
	writeFileSync(
		generator,
		`import { writeFileSync } from 'node:fs';
import { demoRows } from ${JSON.stringify(join(process.cwd(), 'src/lib/server/demo/generate-csv.ts'))};
const rows = [...demoRows({ profiles: 12, seed: ${parseInt(run, 16)} })].map((row, i) => ({
	...row,
	klantnummer: 'E2E${run}' + i,
	gemeentecode: '${MUNICIPALITY}',
	organisatie: '${MUNICIPALITY}',
	status: 'ingeschreven',
	dienstverlening_eind: '',
	doelgroepregister: 'J'
}));
const header = Object.keys(rows[0]);
const field = (v: string) => (/[;"\\r\\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v);
writeFileSync(${JSON.stringify(csv)}, [header.join(';'), ...rows.map((r) => header.map((h) => field(String(r[h] ?? ''))).join(';'))].join('\\n') + '\\n');
`
	);
	execFileSync('npx', ['tsx', generator], { stdio: 'inherit' });
	execFileSync('npx', ['tsx', 'scripts/import.ts', csv], {
		stdio: 'inherit',
		env: { ...process.env, DATABASE_URL: e2eDatabaseUrl }
	});

	const { expected, imported } = await withDatabase(async (sql) => {
		const rows = await sql`
			select p.public_ref, s.klantnummer from public_profiles p
			join candidate_source_ids s on s.candidate_id = p.candidate_id
			where p.region_code = ${REGION} and (p.document->>'publishedAt')::bigint > ${cursor}`;
		return {
			expected: rows.map((r) => r.public_ref as string).sort(),
			imported: rows.filter((r) => String(r.klantnummer).startsWith(`E2E${run}`)).length
		};
	});
	expect(imported).toBeGreaterThan(0);
	expect(expected.length).toBeLessThanOrEqual(50);

	// The app's embedded index picks up the import within 15 s; run the alert job until it has.
	await expect
		.poll(
			async () => {
				const res = await request.post('/__e2e/alerts', { data: {} });
				expect(res.ok()).toBe(true);
				return (await res.json()).mailed as number;
			},
			{ timeout: 45_000, intervals: [2000] }
		)
		.toBeGreaterThan(0);

	const alert = await waitForMail(
		(m) => recipients(m).includes(email) && /nieuwe kandida/.test(m.subject ?? '')
	);
	expect(refsIn(alert.text ?? '')).toEqual(expected);
	expect(alert.subject).toContain(searchName);

	// Nothing new since: another run sends nothing more.
	const again = await request.post('/__e2e/alerts', { data: {} });
	expect((await again.json()).mailed).toBe(0);

	await page.context().clearCookies();
	const unsubscribe = /https?:\/\/\S+\/afmelden\/[a-z2-7]+/.exec(alert.text ?? '')![0];
	await page.goto(new URL(unsubscribe).pathname);
	await expect(page.getByText(searchName)).toBeVisible();
	await page.getByRole('button', { name: 'Ja, stuur mij geen e-mails meer' }).click();
	await expect(page.getByRole('status')).toContainText('geen e-mails meer');
	const frequency = await withDatabase(
		async (sql) =>
			(await sql`select alert_frequency from saved_searches where id = ${searchId}`)[0].alert_frequency
	);
	expect(frequency).toBe('none');

	// The mail program's own button: an RFC 8058 one-click POST to the List-Unsubscribe link, sent by
	// no browser page and so without an Origin header. Only this endpoint is exempt from the origin check.
	await withDatabase(
		(sql) => sql`update saved_searches set alert_frequency = 'daily' where id = ${searchId}`
	);
	const listUnsubscribe = alert.headerLines
		.find((h) => h.key === 'list-unsubscribe')!
		.line.replace(/\r\n\s+/g, ' ');
	const oneClickUrl = /<(https?:\/\/[^>]+)>/.exec(listUnsubscribe)![1];
	expect(oneClickUrl).toBe(unsubscribe);
	expect(alert.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toContain(
		'List-Unsubscribe=One-Click'
	);
	const oneClick = await request.post(new URL(oneClickUrl).pathname, {
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		data: 'List-Unsubscribe=One-Click'
	});
	expect(oneClick.status()).toBe(200);
	expect(
		await withDatabase(
			async (sql) =>
				(await sql`select alert_frequency from saved_searches where id = ${searchId}`)[0].alert_frequency
		)
	).toBe('none');
	// Any other form post without our Origin is still refused.
	const crossSite = await request.post('/registreren', {
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		data: 'email=x%40example.nl'
	});
	expect(crossSite.status()).toBe(403);
});
