import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The README's first start: `npm start` (after its build) with no variables set, opened at
 * http://localhost:PORT in a browser. Forms must pass SvelteKit's origin check there: once they got
 * "403 Cross-site POST form submissions are forbidden" because only production's ORIGIN was expected.
 * Its own server on its own port and data folder, started exactly as `npm start` starts it.
 */
const port = Number(process.env.E2E_PORT ?? 4173) + 2;
const site = `http://localhost:${port}`;
let server: ChildProcess;
let dataDir: string;

test.describe.configure({ timeout: 420_000 });

test.beforeAll(async () => {
	dataDir = mkdtempSync(join(tmpdir(), 'kv-try-out-'));
	const env: Record<string, string> = { ...(process.env as Record<string, string>) };
	for (const name of ['ORIGIN', 'DEMO_DATA', 'DATABASE_URL', 'SMTP_URL', 'MEILI_URL', 'HOST', 'E2E']) {
		delete env[name];
	}
	Object.assign(env, { PORT: String(port), DATA_DIR: dataDir, DEMO_PROFILES: '1500', LOG_LEVEL: 'warn' });
	server = spawn(process.execPath, ['scripts/serve.js', '--try-out'], { env, stdio: 'inherit' });
	const until = Date.now() + 400_000;
	while (Date.now() < until) {
		if (server.exitCode !== null) throw new Error('the try-out start exited; see its log above');
		const ready = await fetch(`${site}/readyz`).then(
			(r) => r.ok,
			() => false
		);
		if (ready) return;
		await new Promise((r) => setTimeout(r, 1000));
	}
	throw new Error('the try-out start did not become ready');
});

test.afterAll(async () => {
	if (server && server.exitCode === null) {
		server.kill('SIGTERM');
		await new Promise((r) => server.once('exit', r));
	}
	rmSync(dataDir, { recursive: true, force: true });
});

test('a demo administrator logs in at http://localhost', async ({ page }) => {
	await page.goto(`${site}/inloggen`);
	await page.getByLabel('E-mailadres').fill('beheer@demo.kandidatenverkenner.nl');
	await page.getByLabel('Wachtwoord').fill('demo-wachtwoord-2026');
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page).toHaveURL(`${site}/beheer`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('an employer sends an interest request at http://localhost', async ({ page }) => {
	await page.goto(`${site}/kandidaten`);
	const href = await page.locator('.kv-result__title a').first().getAttribute('href');
	const ref = /KV-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(href ?? '')![0];
	await page.goto(`${site}/interesse?kandidaat=${ref}`);
	await page.getByLabel('Naam van uw bedrijf').fill('Bakkerij De Korenschoof');
	await page.getByLabel('KvK-nummer').fill('12345678');
	await page.getByLabel('Waar is het werk?').fill('3511');
	await page.getByLabel('Naam', { exact: true }).fill('Jan Jansen');
	await page.getByLabel('E-mailadres').fill('jan@bakkerij.example');
	await page.getByLabel('Telefoonnummer').fill('06 12345678');
	await page.getByLabel('Functie of taken').fill('Brood inpakken');
	await page.getByLabel('Uren per week').fill('20');
	await page.getByLabel(/Ik geef toestemming/).check();
	await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
	await expect(page.getByRole('heading', { name: 'Uw aanvraag is verstuurd' })).toBeVisible();
});
