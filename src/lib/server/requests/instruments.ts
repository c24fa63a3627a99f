import * as v from 'valibot';
import { recordAudit } from '../audit';
import { ALL_REGIONS, NO_REGION, oneRegion, scopeIncludes, type StaffScope } from '../auth/scope';
import type { SessionUser } from '../auth/session-user';
import type { Sql } from '../db/database';

/**
 * "Wat u als werkgever kunt krijgen": the support an employer can get, as data. National entries (region
 * null) hold for everyone; a region adds its own (a local instruments guide). Nothing here is ever chosen
 * per candidate: a candidate's benefit type is not published, and the page must not hint at it.
 */
export interface Instrument {
	id: number;
	regionCode: string | null;
	title: string;
	body: string;
	position: number;
}

export async function listInstruments(sql: Sql, regionCode: string | null): Promise<Instrument[]> {
	return sql<Instrument[]>`
		select id::int, region_code as "regionCode", title, body, position from employer_instruments
		where region_code is null or region_code = ${regionCode}
		order by (region_code is not null), position, id`;
}

/**
 * Where a staff member may edit: an admin everywhere (national content too), a coordinator their own
 * region only, anyone else nowhere. Explicit, never "no region means all".
 */
export function instrumentScope(user: SessionUser): StaffScope {
	if (user.role === 'admin') return ALL_REGIONS;
	if (user.role === 'wsp' && user.isCoordinator && user.regionCode) return oneRegion(user.regionCode);
	return NO_REGION;
}

/** National entries (region null) only with the scope of every region. */
const mayEdit = (scope: StaffScope, regionCode: string | null) =>
	scope.kind === 'all' || (regionCode !== null && scopeIncludes(scope, regionCode));

const InstrumentSchema = v.object({
	title: v.pipe(
		v.string(),
		v.trim(),
		v.minLength(2, 'Vul een titel in.'),
		v.maxLength(120, 'De titel is te lang (maximaal 120 tekens).')
	),
	body: v.pipe(
		v.string(),
		v.trim(),
		v.minLength(10, 'Schrijf in een paar zinnen wat de werkgever krijgt.'),
		v.maxLength(2000, 'De tekst is te lang (maximaal 2000 tekens).')
	),
	position: v.pipe(
		v.string(),
		v.regex(/^\d{1,4}$/, 'Vul een volgorde in van 0 tot 9999.'),
		v.transform(Number)
	)
});

export type InstrumentResult =
	{ ok: true } | { ok: false; errors: Record<string, string> } | { ok: false; forbidden: true };

/** Adds (no id) or changes an entry in a region (or nationally, null), within the user's scope. */
export async function saveInstrument(
	sql: Sql,
	user: SessionUser,
	input: { id: number | null; regionCode: string | null; title: string; body: string; position: string }
): Promise<InstrumentResult> {
	const scope = instrumentScope(user);
	const parsed = v.safeParse(InstrumentSchema, input);
	if (!parsed.success) {
		const errors: Record<string, string> = {};
		for (const issue of parsed.issues) errors[String(issue.path?.[0]?.key)] ??= issue.message;
		return { ok: false, errors };
	}
	const { title, body, position } = parsed.output;
	return sql.begin(async (tx): Promise<InstrumentResult> => {
		let id = input.id;
		if (id === null) {
			if (!mayEdit(scope, input.regionCode)) return { ok: false, forbidden: true };
			if (input.regionCode) {
				const [region] = await tx<
					{ found: number }[]
				>`select 1 as found from regions where code = ${input.regionCode}`;
				if (!region) return { ok: false, forbidden: true };
			}
			const [row] = await tx<{ id: number }[]>`
				insert into employer_instruments (region_code, title, body, position, updated_by)
				values (${input.regionCode}, ${title}, ${body}, ${position}, ${user.id}) returning id::int`;
			id = row.id;
		} else {
			const [current] = await tx<{ region_code: string | null }[]>`
				select region_code from employer_instruments where id = ${id} for update`;
			if (!current || !mayEdit(scope, current.region_code)) return { ok: false, forbidden: true };
			await tx`
				update employer_instruments set title = ${title}, body = ${body}, position = ${position},
					updated_by = ${user.id}, updated_at = now()
				where id = ${id}`;
		}
		await recordAudit(tx, {
			userId: user.id,
			action: 'employer-instrument-saved',
			subjectType: 'employer_instrument',
			subjectId: String(id)
		});
		return { ok: true };
	});
}

export async function deleteInstrument(sql: Sql, user: SessionUser, id: number): Promise<boolean> {
	const scope = instrumentScope(user);
	return sql.begin(async (tx) => {
		const [current] = await tx<{ region_code: string | null }[]>`
			select region_code from employer_instruments where id = ${id} for update`;
		if (!current || !mayEdit(scope, current.region_code)) return false;
		await tx`delete from employer_instruments where id = ${id}`;
		await recordAudit(tx, {
			userId: user.id,
			action: 'employer-instrument-deleted',
			subjectType: 'employer_instrument',
			subjectId: String(id)
		});
		return true;
	});
}
