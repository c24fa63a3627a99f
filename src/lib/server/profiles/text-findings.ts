import { findSpecialCategories } from './lexicon/special-categories';
import { municipalities } from './reference';
import { personalDataSpans } from './scrub-text';

/** Something in a profile text a reviewer must look at before it may be published. */
export interface Finding {
	start: number;
	end: number;
	kind: string;
	/** Dutch, for the reviewer. */
	label: string;
}

/** A text cut into plain and marked parts, for rendering without HTML. */
export interface MarkedPart {
	text: string;
	finding?: { kind: string; label: string };
}

const LABELS: Record<string, string> = {
	'e-mail': 'E-mailadres',
	link: 'Link of domeinnaam',
	handle: 'Account op sociale media',
	iban: 'Rekeningnummer',
	telefoon: 'Telefoonnummer',
	kenteken: 'Kenteken',
	geboortedatum: 'Geboortedatum',
	datum: 'Datum',
	leeftijd: 'Leeftijd',
	bsn: 'BSN',
	adres: 'Adres',
	postcode: 'Postcode',
	verwijderd: 'Weggehaald gegeven',
	getal: 'Getal',
	naam: 'Mogelijk een naam',
	plaats: 'Plaatsnaam',
	werkgever: 'Werkgever met plaats'
};

const PLACEHOLDER =
	/\[(?:naam|persoonsgegeven|e-mail|link|handle|iban|telefoon|kenteken|geboortedatum|datum|leeftijd|bsn|adres|postcode)\]/g;
const NUMBER = /\d+/g;
// "bij Bakkerij Jansen in Lutjebroek", "voor Albert Heijn te Zwolle".
const EMPLOYER_AND_PLACE =
	/\b(?:bij|voor)\s+(?:de\s+|het\s+)?\p{Lu}[\p{L}&'.-]*(?:\s+\p{Lu}[\p{L}&'.-]*){0,3}\s+(?:in|te|uit)\s+\p{Lu}[\p{L}'-]+/gu;
const CAPITALISED = /(?<![\p{L}\p{N}])\p{Lu}[\p{Ll}'’-]+/gu;

const placeNames = [...municipalities.values()]
	.map((m) => m.name.replace(/\s*\(.*\)$/, ''))
	.filter((name) => name.length >= 3)
	.sort((a, b) => b.length - a.length);
const PLACE = new RegExp(
	`(?<![\\p{L}])(?:${placeNames.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}])`,
	'gu'
);

/**
 * Every finding in a (scrubbed) profile text: what the scrubber rules still recognise, what it already
 * replaced, special-category terms from the lexicon, numbers, place names, employer-plus-place phrases
 * and capitalised words that may be names. Deliberately generous: a false mark costs a reviewer a
 * glance, a missed one can single someone out.
 */
export function findFindings(input: string): Finding[] {
	const text = input.normalize('NFC');
	const findings: Finding[] = [];
	const add = (start: number, end: number, kind: string, label = LABELS[kind] ?? kind) =>
		findings.push({ start, end, kind, label });
	for (const span of personalDataSpans(text)) add(span.start, span.end, span.kind);
	for (const m of text.matchAll(PLACEHOLDER)) add(m.index, m.index + m[0].length, 'verwijderd');
	for (const hit of findSpecialCategories(text))
		add(hit.start, hit.end, `bijzonder:${hit.category}`, hit.label);
	for (const m of text.matchAll(EMPLOYER_AND_PLACE)) add(m.index, m.index + m[0].length, 'werkgever');
	for (const m of text.matchAll(PLACE)) add(m.index, m.index + m[0].length, 'plaats');
	const covered = (start: number, end: number) => findings.some((f) => f.start < end && start < f.end);
	for (const m of text.matchAll(NUMBER)) {
		if (!covered(m.index, m.index + m[0].length)) add(m.index, m.index + m[0].length, 'getal');
	}
	for (const m of text.matchAll(CAPITALISED)) {
		const before = text.slice(0, m.index).trimEnd();
		// The first word of a sentence is capitalised anyway.
		if (before === '' || /[.!?:;•\n-]$/.test(before)) continue;
		if (!covered(m.index, m.index + m[0].length)) add(m.index, m.index + m[0].length, 'naam');
	}
	return findings.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The distinct labels of a text's findings, in text order: what the reviewer confirms. */
export function findingLabels(findings: Finding[]): string[] {
	return [...new Set(findings.map((f) => f.label))];
}

/** Cuts the text at the findings (an overlapping finding joins the one it overlaps). */
export function markFindings(input: string, findings: Finding[]): MarkedPart[] {
	const text = input.normalize('NFC');
	const parts: MarkedPart[] = [];
	let at = 0;
	for (const f of findings) {
		if (f.start < at) continue;
		if (f.start > at) parts.push({ text: text.slice(at, f.start) });
		parts.push({ text: text.slice(f.start, f.end), finding: { kind: f.kind, label: f.label } });
		at = f.end;
	}
	if (at < text.length) parts.push({ text: text.slice(at) });
	return parts;
}
