import type { CandidateProfile, CandidateRecord } from '../profiles/candidate-record';
import {
	affinities,
	competences,
	dayParts,
	driversLicences,
	educationLevels,
	municipalities,
	sectors,
	taskAnswers,
	transportModes,
	type TaskAnswer
} from '../profiles/reference';
import { scrubText } from '../profiles/scrub-text';
import { TASK_COLUMNS, type RowReader } from './columns';
import { hasControlCharacters, parseLadder, personalValues, residence } from './row-fields';
import { parseBoolean, parseDate, parseList, parseWholeNumber } from './parse-values';

/** One problem in one cell. Never carries the cell's value: it may be personal data. */
export interface RowProblem {
	column: string;
	reason: string;
}

export interface ValidationContext {
	/** Postcode-4 → municipality code. */
	postcodes: Map<string, string>;
	/** When set, rows of another organisation are refused. */
	organisation?: string;
}

export type RowResult = { ok: true; record: CandidateRecord } | { ok: false; problems: RowProblem[] };

const MAX_TEXT = 2000;

/**
 * Checks one export row and turns it into a storable record. Personal columns are read only here, only
 * to find the municipality (postcode) and to scrub the profile text; they are not part of the result.
 */
export function validateRow(get: RowReader, context: ValidationContext): RowResult {
	const problems: RowProblem[] = [];
	const fail = (column: string, reason: string) => problems.push({ column, reason });
	const required = (column: string) => {
		const value = get(column).trim();
		if (value === '') fail(column, 'Verplichte waarde ontbreekt.');
		return value;
	};
	const date = (column: string, isRequired: boolean) => {
		const raw = isRequired ? required(column) : get(column).trim();
		if (raw === '') return null;
		const parsed = parseDate(raw);
		if (parsed === undefined) fail(column, 'Geen geldige datum (gebruik JJJJ-MM-DD of DD-MM-JJJJ).');
		return parsed ?? null;
	};
	const flag = (column: string) => {
		const raw = required(column);
		if (raw === '') return false;
		const parsed = parseBoolean(raw);
		if (parsed === undefined) fail(column, 'Geen geldige ja/nee-waarde (gebruik J of N).');
		return parsed ?? false;
	};
	const codes = (
		column: string,
		allowed: { has(code: string): boolean },
		what: string,
		normalise = (s: string) => s.toLowerCase()
	) => {
		const list = parseList(get(column)).map(normalise);
		const unknown = list.filter((code) => !allowed.has(code)).length;
		if (unknown > 0)
			fail(column, `${unknown === 1 ? 'Onbekende code' : `${unknown} onbekende codes`} voor ${what}.`);
		return list.filter((code) => allowed.has(code));
	};
	const number = (column: string, min: number, max: number) => {
		const raw = get(column).trim();
		if (raw === '') return null;
		const parsed = parseWholeNumber(raw);
		if (parsed === undefined || parsed < min || parsed > max) {
			fail(column, `Geen geldig getal (een heel getal van ${min} tot en met ${max}).`);
			return null;
		}
		return parsed;
	};

	const klantnummer = required('klantnummer');
	if (klantnummer.length > 64 || hasControlCharacters(klantnummer))
		fail('klantnummer', 'Klantnummer is langer dan 64 tekens of bevat stuurtekens.');

	const organisation = required('organisatie').toUpperCase();
	if (organisation !== '' && organisation !== 'UWV' && !municipalities.has(organisation)) {
		fail('organisatie', 'Onbekende organisatie (gebruik UWV of een gemeentecode GMxxxx).');
	} else if (context.organisation && organisation !== '' && organisation !== context.organisation) {
		fail('organisatie', `Deze rij hoort bij een andere organisatie dan ${context.organisation}.`);
	}

	const municipalityCode = residence(get, context, fail);

	const statusRaw = required('status').toLowerCase();
	if (statusRaw !== '' && statusRaw !== 'ingeschreven' && statusRaw !== 'uitgeschreven') {
		fail('status', 'Onbekende status (gebruik ingeschreven of uitgeschreven).');
	}
	const serviceStart = date('dienstverlening_start', true);
	const serviceEnd = date('dienstverlening_eind', false);
	if (serviceStart && serviceEnd && serviceEnd < serviceStart) {
		fail('dienstverlening_eind', 'Einddatum ligt voor de startdatum.');
	}
	const inRegister = flag('doelgroepregister');
	const banenafspraak = flag('banenafspraak');
	const beschutWerk = flag('beschut_werk');

	const doelgroep = get('doelgroep').trim();
	if (doelgroep.length > 40) fail('doelgroep', 'Doelgroep is langer dan 40 tekens.');
	const ladder = parseLadder(get('participatieladder'));
	if (ladder === undefined)
		fail(
			'participatieladder',
			'Geen geldige trede (01 tot en met 06, eventueel met/zonder groeipotentieel).'
		);

	const managerEmail = get('klantmanager_email').trim().toLowerCase();
	if (managerEmail !== '' && !/^[^\s@]{1,64}@[^\s@]+\.[a-z]{2,}$/.test(managerEmail)) {
		fail('klantmanager_email', 'Geen geldig e-mailadres.');
	}
	const sourceUpdatedAt = date('laatst_gewijzigd', true);

	const educationRaw = get('opleidingsniveau').trim().toLowerCase();
	if (educationRaw !== '' && !educationLevels.has(educationRaw)) {
		fail('opleidingsniveau', 'Onbekende code voor opleidingsniveau.');
	}
	const tasks: Record<string, TaskAnswer> = {};
	for (const column of TASK_COLUMNS) {
		const answer = get(column).trim().toLowerCase().replace(/\s+/g, ' ');
		if (answer === '') continue;
		if (taskAnswers.has(answer)) tasks[column] = answer as TaskAnswer;
		else fail(column, 'Geen geldig antwoord (gebruik ja, met begeleiding of nee).');
	}
	const hoursMin = number('uren_min', 0, 60);
	const hoursMax = number('uren_max', 0, 60);
	if (hoursMin !== null && hoursMax !== null && hoursMin > hoursMax) {
		fail('uren_max', 'Maximaal aantal uren is kleiner dan het minimum.');
	}
	const profile: CandidateProfile = {
		education: educationRaw === '' || !educationLevels.has(educationRaw) ? null : educationRaw,
		sectors: codes('beroepssectoren', sectors, 'beroepssector'),
		affinities: codes('affiniteiten', affinities, 'affiniteit'),
		competences: codes('competenties', competences, 'competentie'),
		experience: codes('werkervaring', sectors, 'werkervaring (sector)'),
		tasks,
		hoursMin,
		hoursMax,
		availableFrom: date('beschikbaar_per', false),
		dayParts: codes('dagdelen', dayParts, 'dagdeel'),
		travelKm: number('reisafstand_km', 0, 250),
		transport: codes('vervoer', transportModes, 'vervoer'),
		licences: codes('rijbewijs', driversLicences, 'rijbewijs', (s) => s.toUpperCase())
	};

	const original = get('profieltekst').trim();
	if (original.length > MAX_TEXT) fail('profieltekst', `Profieltekst is langer dan ${MAX_TEXT} tekens.`);

	if (problems.length > 0) return { ok: false, problems };
	const scrubbed = scrubText(original, personalValues(get, klantnummer));
	return {
		ok: true,
		record: {
			organisation,
			klantnummer,
			municipalityCode: municipalityCode!,
			regionCode: municipalities.get(municipalityCode!)!.region,
			status: statusRaw as CandidateRecord['status'],
			serviceStart: serviceStart!,
			serviceEnd,
			inRegister,
			banenafspraak,
			beschutWerk,
			doelgroep: doelgroep === '' ? null : doelgroep,
			participatieladder: ladder?.step ?? null,
			groeipotentieel: ladder?.growth ?? null,
			klantmanagerEmail: managerEmail === '' ? null : managerEmail,
			sourceUpdatedAt: sourceUpdatedAt!,
			profile,
			profileText: scrubbed.text,
			profileTextState: original === '' ? 'none' : scrubbed.found.length > 0 ? 'review' : 'clean'
		}
	};
}
