import type { Queryable, Sql } from './db/database';

export interface AuditEntry {
	/** Who did it; null for the system or an anonymous visitor. */
	userId: string | null;
	action: string;
	subjectType: string;
	subjectId: string;
	/** Ids, codes and counts only: the audit log is kept long and read widely, so no personal data. */
	details?: Record<string, string | number | boolean | null>;
}

/** Pass the transaction of the change itself, so the record and the change commit together. */
export async function recordAudit(sql: Queryable, entry: AuditEntry): Promise<void> {
	await sql`insert into audit_log (user_id, action, subject_type, subject_id, details)
		values (${entry.userId}, ${entry.action}, ${entry.subjectType}, ${entry.subjectId},
			${sql.json(entry.details ?? {})})`;
}

export interface AuditRecord {
	id: string;
	at: Date;
	userId: string | null;
	userName: string | null;
	action: string;
	subjectType: string;
	subjectId: string;
	details: Record<string, unknown>;
}

export async function listAudit(
	sql: Sql,
	filter: { subjectType?: string; subjectId?: string; limit?: number } = {}
): Promise<AuditRecord[]> {
	const type = filter.subjectType || null;
	const id = filter.subjectId || null;
	const rows = await sql`
		select a.id::text, a.at, a.user_id, u.name as user_name, a.action, a.subject_type, a.subject_id, a.details
		from audit_log a left join users u on u.id = a.user_id
		where (${type}::text is null or a.subject_type = ${type})
			and (${id}::text is null or a.subject_id = ${id})
		order by a.at desc, a.id desc
		limit ${filter.limit ?? 200}`;
	return rows.map((r) => ({
		id: r.id,
		at: r.at,
		userId: r.user_id,
		userName: r.user_name,
		action: r.action,
		subjectType: r.subject_type,
		subjectId: r.subject_id,
		details: r.details
	}));
}
