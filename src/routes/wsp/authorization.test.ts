import { isHttpError, isRedirect } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../../../tests/helpers/test-database';
import type { SessionUser } from '$lib/server/auth/session-user';
import { createSession, validateSessionToken } from '$lib/server/auth/session';
import { setTeamMembership } from '$lib/server/auth/region-team';
import { fakeClock, systemClock } from '$lib/server/clock';
import type { Database, Sql } from '$lib/server/db/database';
import { submitInterest } from '$lib/server/requests/submit';
import {
	EMPLOYER,
	insertCandidate,
	insertStaff,
	REGION_A,
	REGION_B
} from '$lib/server/requests/test-fixtures';

const holder: { db?: Database } = {};
vi.mock('$lib/server/app', () => ({ app: () => ({ db: holder.db, config: { K_ANONYMITY: 5 } }) }));
vi.mock('$lib/server/search-service/search-service', () => ({
	searchIndexTarget: () => ({ upsert: async () => {}, remove: async () => {} })
}));

const inbox = await import('./+page.server');
const detail = await import('./aanvragen/[id]/+page.server');
const instruments = await import('./voorzieningen/+page.server');
const texts = await import('./teksten/+page.server');
const regionPages = {
	'/sturing/[regio]': (await import('../sturing/[regio]/+page.server')).load,
	'/kwaliteit/[regio]': (await import('../kwaliteit/[regio]/+page.server')).load,
	'/kwaliteit/[regio]/werklijst': (await import('../kwaliteit/[regio]/werklijst/+page.server')).load,
	'/kwaliteit/[regio]/werklijst.csv': (await import('../kwaliteit/[regio]/werklijst.csv/+server')).GET,
	'/kwaliteit/[regio]/volledigheid.csv': (await import('../kwaliteit/[regio]/volledigheid.csv/+server')).GET
};
const overviews = {
	'/sturing': (await import('../sturing/+page.server')).load,
	'/kwaliteit': (await import('../kwaliteit/+page.server')).load
};

let requestId = 0;
let heldRef = '';
const users: Record<string, SessionUser | null> = { anonymous: null };

beforeAll(async () => {
	holder.db = await createTestDatabase();
	const sql = holder.db.sql;
	users.intermediair = await insertStaff(sql, { role: 'intermediair' });
	users['wsp A'] = await insertStaff(sql, { region: REGION_A.code });
	users['coordinator A'] = await insertStaff(sql, { region: REGION_A.code, coordinator: true });
	users['wsp B'] = await insertStaff(sql, { region: REGION_B.code });
	users.admin = await insertStaff(sql, { role: 'admin' });
	// Taken off region A's team by an admin ("removeMember"): on no team, so no region at all.
	users['wsp without region'] = await moved(sql, await insertStaff(sql, { region: REGION_A.code }), null);
	// Moved from region A's team to region B's: from then on, only B.
	users['wsp moved A→B'] = await moved(sql, await insertStaff(sql, { region: REGION_A.code }), REGION_B.code);
	heldRef = await insertCandidate(sql, REGION_A);
	await sql`update candidates set profile_text_state = 'review', profile_text = 'Harde werker.'
		where public_ref = ${heldRef}`;
	const ref = await insertCandidate(sql, REGION_A, { consultantEmail: users['wsp A']!.email });
	const result = await submitInterest(sql, {
		employer: EMPLOYER,
		refs: [ref],
		origin: 'https://kv.example',
		clock: fakeClock('2026-02-02T09:00:00Z')
	});
	if (!result.ok) throw new Error('expected ok');
	requestId = result.requestIds[0];
});
afterAll(() => holder.db?.close());

/** Changes the team the admin's way, then reads the member back as a fresh session would. */
async function moved(sql: Sql, user: SessionUser, regionCode: string | null): Promise<SessionUser> {
	const admin = await insertStaff(sql, { role: 'admin' });
	const change = await setTeamMembership(sql, {
		userId: user.id,
		regionCode,
		isCoordinator: false,
		byUserId: admin.id
	});
	expect(change).toEqual({ ok: true });
	const { token } = await createSession(sql, systemClock, user.id);
	const validated = await validateSessionToken(sql, systemClock, token);
	expect(validated?.user.regionCode).toBe(regionCode);
	return validated!.user;
}

function event(user: SessionUser | null, path: string, form?: Record<string, string>) {
	const url = new URL(`https://kv.example${path}`);
	const body = new FormData();
	for (const [k, v] of Object.entries(form ?? {})) body.set(k, v);
	return {
		locals: { user, requestId: 'test', session: null },
		url,
		params: { id: String(requestId), regio: REGION_A.code },
		request: new Request(url, form ? { method: 'POST', body } : undefined),
		getClientAddress: () => '127.0.0.1',
		setHeaders: () => {}
	} as never;
}

type Outcome = 'login' | 'forbidden' | 'allowed';
async function outcome(run: () => unknown): Promise<Outcome> {
	try {
		await run();
		return 'allowed';
	} catch (e) {
		if (isRedirect(e) && e.location.startsWith('/inloggen')) return 'login';
		if (isHttpError(e) && e.status === 403) return 'forbidden';
		throw e;
	}
}

const expected: Record<string, Outcome> = {
	anonymous: 'login',
	intermediair: 'forbidden',
	'wsp A': 'allowed',
	'coordinator A': 'allowed',
	'wsp B': 'forbidden',
	'wsp without region': 'forbidden',
	'wsp moved A→B': 'forbidden',
	admin: 'allowed'
};
/** Inbox and held texts: every WSP member may open the page, but sees only their own region's work. */
const seesRegionA = (role: string) => ['wsp A', 'coordinator A', 'admin'].includes(role);

const actionForms: Record<string, Record<string, string>> = {
	status: { status: 'in_behandeling' },
	eersteContact: {},
	toestemming: {},
	notitie: { tekst: 'Notitie' },
	antwoord: { tekst: 'Wij bellen u.' },
	overdragen: { collega: 'nobody' },
	stap: { stap: 'voorgedragen', afspraken: 'Twee profielen voorgedragen.' },
	taak: { taak: '999999999' }
};

/** Coordinators (and admins) only: the fixed contact and the regional "what you can get" texts. */
const coordinatorOnly: Record<string, Outcome> = { ...expected, 'wsp A': 'forbidden' };

describe('authorisation matrix for /wsp', () => {
	for (const role of Object.keys(expected)) {
		it(`${role}: the inbox`, async () => {
			const result = await outcome(() => inbox.load(event(users[role], '/wsp?weergave=team')));
			expect(result).toBe(users[role]?.role === 'wsp' ? 'allowed' : expected[role]);
			if (result === 'allowed') {
				const data = (await inbox.load(event(users[role], '/wsp?weergave=team'))) as {
					rows: { id: number }[];
				};
				expect(data.rows.some((r) => r.id === requestId)).toBe(seesRegionA(role));
			}
		});

		it(`${role}: the held texts and deciding on one`, async () => {
			const result = await outcome(() => texts.load(event(users[role], '/wsp/teksten')));
			expect(result).toBe(users[role]?.role === 'wsp' ? 'allowed' : expected[role]);
			if (result === 'allowed') {
				const data = (await texts.load(event(users[role], '/wsp/teksten'))) as { texts: { ref: string }[] };
				expect(data.texts.some((t) => t.ref === heldRef)).toBe(seesRegionA(role));
			}
			if (seesRegionA(role) || result !== 'allowed') return;
			const decision = (await texts.actions.publiceren(
				event(users[role], '/wsp/teksten?/publiceren', { ref: heldRef })
			)) as { status?: number };
			expect(decision.status).toBe(400);
			const [row] = await holder.db!.sql`
				select profile_text_state from candidates where public_ref = ${heldRef}`;
			expect(row.profile_text_state).toBe('review');
		});

		it(`${role}: region A's steering and quality pages and exports`, async () => {
			for (const [route, open] of Object.entries(regionPages)) {
				const result = await outcome(() => open(event(users[role], `/x/${REGION_A.code}`)));
				expect({ route, result }).toEqual({ route, result: expected[role] });
			}
		});

		it(`${role}: the steering and quality overviews`, async () => {
			for (const [route, open] of Object.entries(overviews)) {
				let shown: unknown;
				try {
					shown = await open(event(users[role], route));
				} catch (e) {
					shown = isRedirect(e) ? e.location : isHttpError(e) ? e.status : e;
				}
				const own = users[role]?.regionCode;
				const wanted =
					role === 'anonymous'
						? expect.stringMatching(/^\/inloggen/)
						: role === 'intermediair'
							? 403
							: role === 'admin'
								? expect.objectContaining({ regions: expect.arrayContaining([expect.anything()]) })
								: own
									? `${route}/${own}`
									: expect.objectContaining({ regions: [] });
				expect({ route, shown }).toEqual({ route, shown: wanted });
			}
		});

		it(`${role}: the request page and every action`, async () => {
			const path = `/wsp/aanvragen/${requestId}`;
			expect(await outcome(() => detail.load(event(users[role], path)))).toBe(expected[role]);
			for (const [name, form] of Object.entries(actionForms)) {
				const act = detail.actions[name as keyof typeof detail.actions]!;
				const result = await outcome(
					() => act(event(users[role], `${path}?/${name}`, form)) as Promise<unknown>
				);
				expect({ name, result }).toEqual({ name, result: expected[role] });
			}
		});
	}

	for (const role of Object.keys(expected)) {
		it(`${role}: choosing the employer's fixed contact`, async () => {
			const path = `/wsp/aanvragen/${requestId}`;
			const result = await outcome(
				() =>
					detail.actions.contactpersoon!(
						event(users[role], `${path}?/contactpersoon`, { contactpersoon: users['wsp A']?.id ?? '' })
					) as Promise<unknown>
			);
			expect(result).toBe(coordinatorOnly[role]);
		});

		it(`${role}: editing what an employer can get`, async () => {
			const result = await outcome(() => instruments.load(event(users[role], '/wsp/voorzieningen')));
			// wsp B is no coordinator either.
			expect(result).toBe(role === 'wsp B' ? 'forbidden' : coordinatorOnly[role]);
			const save = await outcome(
				() =>
					instruments.actions.opslaan!(
						event(users[role], '/wsp/voorzieningen?/opslaan', { titel: '', tekst: '', volgorde: '1' })
					) as Promise<unknown>
			);
			expect(save).toBe(role === 'wsp B' ? 'forbidden' : coordinatorOnly[role]);
		});
	}

	it('records an audit entry for each view of the request page', async () => {
		const [row] = await holder.db!.sql`
			select count(*)::int as n from audit_log
			where action = 'interest-request-viewed' and subject_id = ${String(requestId)}`;
		expect(row.n).toBe(3);
	});
});
