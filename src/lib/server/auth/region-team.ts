import type { Sql } from '../db/database';
import { refuse, type Outcome } from '../result';
import { recordAudit } from '../audit';

export interface RegionSummary {
	code: string;
	name: string;
	wspName: string;
	wspMailbox: string | null;
	/** Called by employers when a promise was not kept, and before an adviser is assigned. */
	wspPhone: string | null;
	/** Null: the service-wide setting. */
	dueMode: 'calendar' | 'working_hours' | null;
	members: number;
}

export async function listRegions(sql: Sql): Promise<RegionSummary[]> {
	const rows = await sql<
		{
			code: string;
			name: string;
			wsp_name: string;
			wsp_mailbox: string | null;
			wsp_phone: string | null;
			due_mode: RegionSummary['dueMode'];
			members: number;
		}[]
	>`
		select r.code, r.name, r.wsp_name, r.wsp_mailbox, r.wsp_phone, r.due_mode,
			(select count(*)::int from users u where u.region_code = r.code and u.role = 'wsp' and u.active) as members
		from regions r order by r.name`;
	return rows.map((r) => ({
		code: r.code,
		name: r.name,
		wspName: r.wsp_name,
		wspMailbox: r.wsp_mailbox,
		wspPhone: r.wsp_phone,
		dueMode: r.due_mode,
		members: r.members
	}));
}

export async function getRegion(sql: Sql, code: string): Promise<RegionSummary | null> {
	return (await listRegions(sql)).find((r) => r.code === code) ?? null;
}

export type RegionChange = Outcome<object, 'not-staff'>;

export type DueModeChoice = 'calendar' | 'working_hours' | null;

/** Checked by the page's form schema: a name, an optional shared mailbox and phone, how the hours count. */
export async function updateRegionWsp(
	sql: Sql,
	input: {
		code: string;
		wspName: string;
		mailbox: string;
		phone: string;
		dueMode: DueModeChoice;
		byUserId: string;
	}
): Promise<void> {
	const { wspName, mailbox, phone, dueMode } = input;
	await sql.begin(async (tx) => {
		await tx`update regions set wsp_name = ${wspName}, wsp_mailbox = ${mailbox || null},
				wsp_phone = ${phone || null}, due_mode = ${dueMode}, updated_at = now()
			where code = ${input.code}`;
		await recordAudit(tx, {
			userId: input.byUserId,
			action: 'region-updated',
			subjectType: 'region',
			subjectId: input.code
		});
	});
}

/** Puts a WSP member on a region's team (or off every team with `regionCode` null). */
export async function setTeamMembership(
	sql: Sql,
	input: { userId: string; regionCode: string | null; isCoordinator: boolean; byUserId: string }
): Promise<RegionChange> {
	return sql.begin(async (tx): Promise<RegionChange> => {
		const rows = await tx<{ id: string }[]>`update users set region_code = ${input.regionCode},
				is_coordinator = ${input.regionCode ? input.isCoordinator : false},
				backup_user_id = case when region_code is distinct from ${input.regionCode} then null else backup_user_id end
			where id = ${input.userId} and role = 'wsp' and active returning id`;
		if (!rows.length) return refuse('not-staff', 'Kies een actieve medewerker van een WSP.', 'medewerker');
		await recordAudit(tx, {
			userId: input.byUserId,
			action: 'team-membership-changed',
			subjectType: 'user',
			subjectId: input.userId,
			details: { regionCode: input.regionCode, isCoordinator: input.isCoordinator }
		});
		return { ok: true };
	});
}
