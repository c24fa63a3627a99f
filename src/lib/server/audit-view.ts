import { auditActionLabel, AUDIT_DETAILS, AUDIT_SUBJECTS, type AuditRecord } from './audit';
import { OUTCOME_LABELS, STATUS_LABELS } from './requests/labels';

/** One line of /beheer/audit in Dutch: no raw action keys, no JSON. */
export interface AuditLine {
	id: string;
	at: Date;
	by: string;
	action: string;
	subjectType: string;
	subjectLabel: string;
	subjectId: string;
	details: { label: string; value: string }[];
}

const CODES: Record<string, string> = {
	...STATUS_LABELS,
	...OUTCOME_LABELS,
	admin: 'beheerder',
	wsp: 'WSP-adviseur',
	intermediair: 'intermediair',
	werkgever: 'werkgever'
};

function shown(value: unknown): string {
	if (value === null || value === undefined || value === '') return 'geen';
	if (typeof value === 'boolean') return value ? 'ja' : 'nee';
	const text = String(value);
	return CODES[text] ?? text;
}

export function auditLine(record: AuditRecord): AuditLine {
	const labels: Record<string, string> = AUDIT_DETAILS;
	return {
		id: record.id,
		at: record.at,
		by: record.userName || record.userId || 'systeem',
		action: auditActionLabel(record.action),
		subjectType: record.subjectType,
		subjectLabel: AUDIT_SUBJECTS[record.subjectType] ?? 'Onderwerp',
		subjectId: record.subjectId,
		details: Object.entries(record.details)
			.filter(([key]) => key in labels)
			.map(([key, value]) => ({ label: labels[key], value: shown(value) }))
	};
}
