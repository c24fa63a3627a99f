/** Dutch words for the codes of a request, shared by the staff pages, the status page and mail. */
export const STATUSES = [
	'nieuw',
	'in_behandeling',
	'kandidaat_benaderd',
	'wil_kennismaken',
	'wil_niet',
	'niet_bereikbaar',
	'afgerond'
] as const;
export type RequestStatus = (typeof STATUSES)[number];

export const OUTCOMES = ['gesprek_gepland', 'geplaatst', 'geen_match'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const STATUS_LABELS: Record<RequestStatus, string> = {
	nieuw: 'Nieuw',
	in_behandeling: 'In behandeling',
	kandidaat_benaderd: 'Kandidaat benaderd',
	wil_kennismaken: 'Kandidaat wil kennismaken',
	wil_niet: 'Kandidaat wil niet',
	niet_bereikbaar: 'Kandidaat niet bereikbaar',
	afgerond: 'Afgerond'
};

/** What the employer reads: no details about the candidate's answer before the adviser explains it. */
export const EMPLOYER_STATUS_LABELS: Record<RequestStatus, string> = {
	nieuw: 'Ontvangen',
	in_behandeling: 'In behandeling',
	kandidaat_benaderd: 'De adviseur heeft de kandidaat benaderd',
	wil_kennismaken: 'De kandidaat wil graag kennismaken',
	wil_niet: 'De kandidaat gaat hier niet op in',
	niet_bereikbaar: 'De adviseur probeert de kandidaat te bereiken',
	afgerond: 'Afgerond'
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
	gesprek_gepland: 'Gesprek gepland',
	geplaatst: 'Geplaatst',
	geen_match: 'Geen match'
};

export const ROUTING_REASON_LABELS: Record<string, string> = {
	fixed_contact: 'Vaste contactpersoon van de werkgever',
	fixed_contact_backup: 'Vervanger van de vaste contactpersoon (die is afwezig)',
	own_consultant: 'Eigen klantmanager van de kandidaat',
	own_consultant_backup: 'Vervanger van de eigen klantmanager (die is afwezig)',
	fewest_open: 'Teamlid met de minste openstaande aanvragen',
	nobody_available: 'Niemand beschikbaar: gedeelde mailbox en coördinator',
	reassigned: 'Doorgezet door een collega'
};

export const isStatus = (value: unknown): value is RequestStatus =>
	typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
export const isOutcome = (value: unknown): value is Outcome =>
	typeof value === 'string' && (OUTCOMES as readonly string[]).includes(value);
