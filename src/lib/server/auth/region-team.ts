import type { Sql } from '../db/database';
import { recordAudit } from '../audit';
import { phoneProblem } from './staff-phone';

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
	const rows = await sql`
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

export type RegionChange = { ok: true } | { ok: false; field: string; message: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function updateRegionWsp(
	sql: Sql,
	input: {
		code: string;
		wspName: string;
		wspMailbox: string;
		wspPhone?: string;
		dueMode?: string;
		byUserId: string;
	}
): Promise<RegionChange> {
	const wspName = input.wspName.trim();
	const mailbox = input.wspMailbox.trim();
	const phone = (input.wspPhone ?? '').trim();
	const dueMode = input.dueMode === 'calendar' || input.dueMode === 'working_hours' ? input.dueMode : null;
	if (input.dueMode && input.dueMode !== 'standaard' && !dueMode) {
		return { ok: false, field: 'dueMode', message: 'Kies hoe de 24 uur tellen.' };
	}
	if (wspName.length < 2 || wspName.length > 200) {
		return { ok: false, field: 'wspName', message: 'Vul de naam van het werkgeversservicepunt in.' };
	}
	if (mailbox && !EMAIL.test(mailbox)) {
		return {
			ok: false,
			field: 'wspMailbox',
			message: 'Vul een geldig e-mailadres in, zoals wsp@gemeente.nl.'
		};
	}
	const phoneError = phone ? phoneProblem(phone) : null;
	if (phoneError) return { ok: false, field: 'wspPhone', message: phoneError };
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
	return { ok: true };
}

/** Puts a WSP member on a region's team (or off every team with `regionCode` null). */
export async function setTeamMembership(
	sql: Sql,
	input: { userId: string; regionCode: string | null; isCoordinator: boolean; byUserId: string }
): Promise<RegionChange> {
	return sql.begin(async (tx): Promise<RegionChange> => {
		const rows = await tx`update users set region_code = ${input.regionCode},
				is_coordinator = ${input.regionCode ? input.isCoordinator : false},
				backup_user_id = case when region_code is distinct from ${input.regionCode} then null else backup_user_id end
			where id = ${input.userId} and role = 'wsp' and active returning id`;
		if (!rows.length)
			return { ok: false, field: 'userId', message: 'Kies een actieve medewerker van een WSP.' };
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
