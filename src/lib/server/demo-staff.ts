import { hashPassword } from './auth/password';
import type { Sql } from './db/database';

/** The documented password of every demo account (README). Only ever set on a database without staff. */
export const DEMO_PASSWORD = 'demo-wachtwoord-2026';
export const DEMO_DOMAIN = 'demo.kandidatenverkenner.nl';

/**
 * Demo staff so a newcomer can try every role: an administrator, a coordinator and an adviser in every
 * region's WSP team, and an approved intermediary. One password hash serves all of them, because hashing
 * seventy passwords with argon2id would slow the first start for nothing.
 */
export async function createDemoStaff(sql: Sql): Promise<number> {
	const [existing] = await sql<{ any: boolean }[]>`select exists (select 1 from users) as any`;
	if (existing.any) return 0;
	const hash = await hashPassword(DEMO_PASSWORD);
	const regions = await sql<{ code: string; name: string }[]>`select code, name from regions order by code`;
	const people = [
		{
			email: `beheer@${DEMO_DOMAIN}`,
			name: 'Demo beheerder',
			role: 'admin',
			region: null,
			coordinator: false
		},
		{
			email: `jobcoach@${DEMO_DOMAIN}`,
			name: 'Demo jobcoach',
			role: 'intermediair',
			region: null,
			coordinator: false
		},
		...regions.flatMap((r) => [
			{
				email: `coordinator.${r.code.toLowerCase()}@${DEMO_DOMAIN}`,
				name: `Coördinator WSP ${r.name}`,
				role: 'wsp',
				region: r.code,
				coordinator: true
			},
			{
				email: `adviseur.${r.code.toLowerCase()}@${DEMO_DOMAIN}`,
				name: `Adviseur WSP ${r.name}`,
				role: 'wsp',
				region: r.code,
				coordinator: false
			}
		])
	];
	await sql.begin(async (tx) => {
		for (const [i, p] of people.entries()) {
			await tx`
				insert into users (id, email, name, role, region_code, is_coordinator, password_hash,
					email_verified_at, organisation, approved_at)
				values (${`demo-${i}`}, ${p.email}, ${p.name}, ${p.role}, ${p.region}, ${p.coordinator}, ${hash},
					now(), ${p.role === 'intermediair' ? 'Demo re-integratiebureau' : null},
					${p.role === 'intermediair' ? new Date() : null})`;
		}
		await tx`update regions set wsp_mailbox = 'wsp.' || lower(code) || ${'@' + DEMO_DOMAIN} where wsp_mailbox is null`;
		// Made-up direct numbers, so the employer's mail and status page show the adviser's phone in a demo.
		await tx`update regions set wsp_phone = '088 000 ' || substr(code, 3, 2) || ' 00' where wsp_phone is null`;
		await tx`
			update users set phone = '06 0000 ' || substr(region_code, 3, 2) || case when is_coordinator then '01' else '02' end
			where role = 'wsp' and id like 'demo-%' and phone is null`;
	});
	return people.length;
}
