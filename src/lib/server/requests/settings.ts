import type { Queryable } from '../db/database';

/** The request policy: how soon first contact is due, and how long employer details are kept. */
export interface RequestSettings {
	dueMode: 'calendar' | 'working_hours';
	dueHours: number;
	/** Minutes after local midnight (Europe/Amsterdam). */
	workingDayStart: number;
	workingDayEnd: number;
	soonHours: number;
	retentionMonths: number;
}

export const DEFAULT_SETTINGS: RequestSettings = {
	dueMode: 'calendar',
	dueHours: 24,
	workingDayStart: 8 * 60 + 30,
	workingDayEnd: 17 * 60,
	soonHours: 4,
	retentionMonths: 12
};

const minutes = (time: string) => {
	const [h, m] = time.split(':').map(Number);
	return h * 60 + m;
};

/** The service-wide policy; with a region, that region's own way of counting the due time applies. */
export async function getRequestSettings(sql: Queryable, regionCode?: string): Promise<RequestSettings> {
	const [row] = await sql<
		{
			due_mode: RequestSettings['dueMode'];
			due_hours: number;
			start: string;
			end: string;
			soon_hours: number;
			retention_months: number;
		}[]
	>`
		select coalesce(g.due_mode, s.due_mode) as due_mode, s.due_hours, s.working_day_start::text as start,
			s.working_day_end::text as end, s.soon_hours, s.retention_months
		from request_settings s left join regions g on g.code = ${regionCode ?? null}
		where s.id`;
	if (!row) return DEFAULT_SETTINGS;
	return {
		dueMode: row.due_mode,
		dueHours: row.due_hours,
		workingDayStart: minutes(row.start),
		workingDayEnd: minutes(row.end),
		soonHours: row.soon_hours,
		retentionMonths: row.retention_months
	};
}
