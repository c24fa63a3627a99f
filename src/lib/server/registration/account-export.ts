import { auditActionLabel } from '../audit';
import type { Sql } from '../db/database';

/**
 * Everything we keep about an account, in a form the person can read and take elsewhere (AVG articles
 * 15 and 20). Saved searches are search settings only; they never contain candidate data.
 */
export async function exportAccountData(sql: Sql, userId: string, exportedAt: Date) {
	const [user] = await sql<
		{
			email: string;
			name: string;
			role: string;
			organisation: string | null;
			kvk: string | null;
			created_at: Date;
			email_verified_at: Date | null;
			approved_at: Date | null;
			kind: string | null;
			phone: string | null;
			consented_at: Date | null;
		}[]
	>`
		select u.email, u.name, u.role, u.organisation, u.kvk, u.created_at, u.email_verified_at,
			u.approved_at, r.kind, r.phone, r.consented_at
		from users u left join registrations r on r.user_id = u.id
		where u.id = ${userId}`;
	if (!user) return null;
	const searches = await sql<
		{
			name: string;
			query: string;
			alert_frequency: string;
			created_at: Date;
			last_viewed_at: Date;
			last_alert_at: Date | null;
		}[]
	>`
		select name, query, alert_frequency, created_at, last_viewed_at, last_alert_at
		from saved_searches where user_id = ${userId} order by created_at`;
	const activity = await sql<{ action: string; at: Date }[]>`
		select action, at from audit_log
		where (subject_type = 'user' and subject_id = ${userId}) or user_id = ${userId}
		order by at`;
	return {
		geexporteerdOp: exportedAt.toISOString(),
		account: {
			eMailadres: user.email,
			naam: user.name,
			rol: user.role,
			soort: user.kind ?? null,
			organisatie: user.organisation,
			kvkNummer: user.kvk,
			telefoon: user.phone ?? null,
			toestemmingGegevenOp: user.consented_at?.toISOString() ?? null,
			aangemeldOp: user.created_at.toISOString(),
			eMailadresBevestigdOp: user.email_verified_at?.toISOString() ?? null,
			goedgekeurdOp: user.approved_at?.toISOString() ?? null
		},
		zoekopdrachten: searches.map((s) => ({
			naam: s.name,
			zoekopdracht: s.query,
			link: s.query ? `/kandidaten?${s.query}` : '/kandidaten',
			eMailBericht: s.alert_frequency,
			bewaardOp: s.created_at.toISOString(),
			laatstBekekenOp: s.last_viewed_at.toISOString(),
			laatsteEMailOp: s.last_alert_at?.toISOString() ?? null
		})),
		activiteit: activity.map((a) => ({ actie: auditActionLabel(a.action), op: a.at.toISOString() }))
	};
}

export type AccountExport = NonNullable<Awaited<ReturnType<typeof exportAccountData>>>;
