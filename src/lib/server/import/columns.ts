/**
 * The columns of the export format (docs/import-format.md). Only these are ever read; any other column
 * in a file is skipped by position without looking at its values.
 */
export const PERSONAL_COLUMNS = [
	'bsn',
	'naam',
	'voornamen',
	'roepnaam',
	'voorletters',
	'tussenvoegsel',
	'achternaam',
	'geboortenaam',
	'partner_naam',
	'partner_voornaam',
	'contactpersoon',
	'contactpersoon_naam',
	'contactpersoon_telefoon',
	'contactpersoon_email',
	'geboortedatum',
	'geslacht',
	'adres',
	'huisnummer',
	'postcode',
	'woonplaats',
	'telefoon',
	'email'
] as const;

export const TASK_COLUMNS = Array.from({ length: 20 }, (_, i) => `taak_${String(i + 1).padStart(2, '0')}`);

export const DATA_COLUMNS = [
	'klantnummer',
	'gemeentecode',
	'organisatie',
	'klantmanager_email',
	'status',
	'dienstverlening_start',
	'dienstverlening_eind',
	'doelgroepregister',
	'banenafspraak',
	'beschut_werk',
	'doelgroep',
	'participatieladder',
	'laatst_gewijzigd',
	'opleidingsniveau',
	'beroepssectoren',
	'affiniteiten',
	'competenties',
	...TASK_COLUMNS,
	'uren_min',
	'uren_max',
	'beschikbaar_per',
	'dagdelen',
	'reisafstand_km',
	'vervoer',
	'rijbewijs',
	'werkervaring',
	'profieltekst'
] as const;

export const KNOWN_COLUMNS: readonly string[] = [...PERSONAL_COLUMNS, ...DATA_COLUMNS];

/** A header must have these; `gemeentecode` may be replaced by `postcode`. */
export const REQUIRED_COLUMNS = [
	'klantnummer',
	'organisatie',
	'status',
	'dienstverlening_start',
	'doelgroepregister',
	'banenafspraak',
	'beschut_werk',
	'laatst_gewijzigd'
] as const;

/** Reads a row by column name, only for the known columns found in the header. */
export type RowReader = (column: string) => string;

export function headerIndex(header: string[]): Map<string, number> {
	const index = new Map<string, number>();
	header.forEach((name, i) => {
		const column = name.trim().toLowerCase();
		if (KNOWN_COLUMNS.includes(column) && !index.has(column)) index.set(column, i);
	});
	return index;
}

export function missingColumns(index: Map<string, number>): string[] {
	const missing: string[] = REQUIRED_COLUMNS.filter((column) => !index.has(column));
	if (!index.has('gemeentecode') && !index.has('postcode')) missing.push('gemeentecode');
	return missing;
}
