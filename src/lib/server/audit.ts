import type { Queryable, Sql } from './db/database';

/**
 * Every action the audit log records, named `subject-verb` in English (kebab-case), with what the admin
 * reads on /beheer/audit. Names written before migrations/0610 used other spellings; that migration
 * renamed the stored rows.
 */
export const AUDIT_ACTIONS = {
	'user-logged-in': 'Ingelogd',
	'password-changed': 'Wachtwoord gewijzigd',
	'password-reset-requested': 'Nieuw wachtwoord aangevraagd',
	'password-reset': 'Nieuw wachtwoord gekozen',
	'user-created': 'Account aangemaakt op de opdrachtregel',
	'user-invited': 'Uitgenodigd',
	'invitation-accepted': 'Uitnodiging aangenomen',
	'user-deactivated': 'Account uitgeschakeld',
	'user-reactivated': 'Account weer ingeschakeld',
	'staff-phone-changed': 'Telefoonnummer gewijzigd',
	'absence-set': 'Afwezigheid doorgegeven',
	'absence-cleared': 'Weer aanwezig',
	'region-updated': 'Gegevens van het werkgeversservicepunt gewijzigd',
	'team-membership-changed': 'Team gewijzigd',
	'intermediary-registered': 'Aangemeld als intermediair of werkgever',
	'email-verified': 'E-mailadres bevestigd',
	'registration-approved': 'Aanmelding goedgekeurd',
	'registration-refused': 'Aanmelding afgewezen',
	'registration-withdrawn': 'Aanmelding ingetrokken',
	'account-deleted': 'Account verwijderd',
	'saved-search-unsubscribed': 'Afgemeld voor e-mail over een zoekopdracht',
	'interest-request-viewed': 'Aanvraag bekeken',
	'interest-request-status-changed': 'Status van de aanvraag gewijzigd',
	'interest-request-contacted': 'Contact met de werkgever vastgelegd',
	'interest-request-consent-recorded': 'Toestemming van de kandidaat vastgelegd',
	'interest-request-note-added': 'Notitie bij de aanvraag',
	'interest-request-replied': 'Bericht aan de werkgever gestuurd',
	'interest-request-reassigned': 'Aanvraag doorgezet naar een collega',
	'interest-request-step-recorded': 'Stap vastgelegd',
	'case-task-done': 'Taak afgevinkt',
	'employer-contact-set': 'Vaste contactpersoon van de werkgever gekozen',
	'employer-instrument-saved': 'Tekst over wat een werkgever kan krijgen opgeslagen',
	'employer-instrument-deleted': 'Tekst over wat een werkgever kan krijgen verwijderd',
	'profile-text-approved': 'Profieltekst gepubliceerd',
	'profile-text-rejected': 'Profieltekst afgewezen',
	'worklist-viewed': 'Werklijst bekeken',
	'worklist-exported': 'Werklijst gedownload'
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** The Dutch words for a stored action; a name no code writes any more shows as it is, marked. */
export const auditActionLabel = (action: string): string =>
	(AUDIT_ACTIONS as Record<string, string>)[action] ?? `Onbekende actie (${action})`;

/** What the details of an entry may hold, with the Dutch name the audit page shows. */
export const AUDIT_DETAILS = {
	role: 'Rol',
	regionCode: 'Regio',
	isCoordinator: 'Coördinator',
	backupUserId: 'Vervanger',
	kind: 'Soort',
	from: 'Van',
	to: 'Naar',
	outcome: 'Uitkomst',
	event: 'Gebeurtenis',
	edited: 'Tekst aangepast',
	confirmed: 'Markeringen bevestigd',
	confirmedFindings: 'Bevestigde markeringen',
	municipality: 'Gemeente',
	quality: 'Kwaliteit',
	shown: 'Getoond',
	rows: 'Regels'
} as const;

export type AuditDetails = Partial<Record<keyof typeof AUDIT_DETAILS, string | number | boolean | null>>;

/** What each kind of subject is called on the audit page. */
export const AUDIT_SUBJECTS: Record<string, string> = {
	user: 'Gebruiker',
	region: 'Regio',
	candidate: 'Kandidaat',
	interest_request: 'Aanvraag',
	case_task: 'Taak',
	employer: 'Werkgever',
	employer_instrument: 'Tekst voor werkgevers',
	'saved-search': 'Zoekopdracht'
};

export interface AuditEntry {
	/** Who did it; null for the system or an anonymous visitor. */
	userId: string | null;
	action: AuditAction;
	subjectType: string;
	subjectId: string;
	/** Ids, codes and counts only: the audit log is kept long and read widely, so no personal data. */
	details?: AuditDetails;
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
	const rows = await sql<
		{
			id: string;
			at: Date;
			user_id: string | null;
			user_name: string | null;
			action: string;
			subject_type: string;
			subject_id: string;
			details: Record<string, unknown>;
		}[]
	>`
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
