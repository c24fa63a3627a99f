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
import { passesElfproef } from '../profiles/elfproef';
import { amsterdamDay } from '../../time';
import { scrubText } from '../profiles/scrub-text';
import { codeLookup, foldListValue, type CodeLookup } from './code-lookup';
import doelgroepen from './doelgroepen.json';
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
	/** `YYYY-MM-DD` in Europe/Amsterdam, for plausibility of dates (default: today). */
	today?: string;
}

export type RowResult = { ok: true; record: CandidateRecord } | { ok: false; problems: RowProblem[] };

const MAX_TEXT = 2000;

const SECTORS = codeLookup(sectors.values());
const AFFINITIES = codeLookup(affinities.values());
const COMPETENCES = codeLookup(competences.values());
const TRANSPORT = codeLookup(transportModes.values());
const LICENCES = codeLookup(driversLicences.values());
const EDUCATION = codeLookup(educationLevels.values());
const DAY_PARTS = codeLookup([...dayParts].map((code) => ({ code })));
const DOELGROEPEN = codeLookup(doelgroepen.codes.map((code) => ({ code })));

/** A klantnummer that is really a BSN: nine digits (or eight, the leading zero lost) passing the elfproef. */
function looksLikeBsn(klantnummer: string, bsn: string): boolean {
	const digits = klantnummer.replace(/[\s.-]/g, '');
	if (bsn.trim() !== '' && digits === bsn.trim().replace(/[\s.-]/g, '')) return true;
	return /^\d{8,9}$/.test(digits) && passesElfproef(digits.padStart(9, '0'));
}

function addYears(day: string, years: number): string {
	return `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;
}

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
	const codes = (column: string, allowed: CodeLookup, what: string) => {
		const list = parseList(get(column)).map((value) => allowed.get(foldListValue(value)));
		const unknown = list.filter((code) => code === undefined).length;
		if (unknown > 0)
			fail(column, `${unknown === 1 ? 'Onbekende code' : `${unknown} onbekende codes`} voor ${what}.`);
		return [...new Set(list.filter((code): code is string => code !== undefined))];
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
	else if (looksLikeBsn(klantnummer, get('bsn')))
		fail(
			'klantnummer',
			'Dit klantnummer is een BSN (het voldoet aan de elfproef of is gelijk aan de kolom bsn). Een BSN bewaren we niet; exporteer het klantnummer uit het bronsysteem.'
		);

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

	const doelgroepRaw = get('doelgroep').trim();
	const doelgroep = doelgroepRaw === '' ? '' : (DOELGROEPEN.get(foldListValue(doelgroepRaw)) ?? null);
	if (doelgroep === null)
		fail('doelgroep', `Onbekende doelgroep; gebruik een van: ${doelgroepen.codes.join(', ')}.`);
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
	const today = context.today ?? amsterdamDay(new Date());
	if (sourceUpdatedAt && sourceUpdatedAt > today) fail('laatst_gewijzigd', 'Deze datum ligt in de toekomst.');

	const educationInput = get('opleidingsniveau').trim();
	const educationRaw =
		educationInput === '' ? '' : (EDUCATION.get(foldListValue(educationInput)) ?? educationInput);
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
	const availableFrom = date('beschikbaar_per', false);
	if (availableFrom && availableFrom > addYears(today, 2))
		fail('beschikbaar_per', 'Deze datum ligt meer dan twee jaar in de toekomst.');
	const profile: CandidateProfile = {
		education: educationRaw === '' || !educationLevels.has(educationRaw) ? null : educationRaw,
		sectors: codes('beroepssectoren', SECTORS, 'beroepssector'),
		affinities: codes('affiniteiten', AFFINITIES, 'affiniteit'),
		competences: codes('competenties', COMPETENCES, 'competentie'),
		experience: codes('werkervaring', SECTORS, 'werkervaring (sector)'),
		tasks,
		hoursMin,
		hoursMax,
		availableFrom,
		dayParts: codes('dagdelen', DAY_PARTS, 'dagdeel'),
		travelKm: number('reisafstand_km', 0, 250),
		transport: codes('vervoer', TRANSPORT, 'vervoer'),
		licences: codes('rijbewijs', LICENCES, 'rijbewijs')
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
			doelgroep: doelgroep || null,
			participatieladder: ladder?.step ?? null,
			groeipotentieel: ladder?.growth ?? null,
			klantmanagerEmail: managerEmail === '' ? null : managerEmail,
			sourceUpdatedAt: sourceUpdatedAt!,
			profile,
			profileText: scrubbed.text,
			profileTextState: original === '' ? 'none' : 'review'
		}
	};
}
