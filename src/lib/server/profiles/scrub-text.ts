import { passesElfproef } from './elfproef';

/** Values from the row's own personal columns, used only to scrub its text and then dropped. */
export interface RowPersonalValues {
	names: string[];
	literals: string[];
}

export interface ScrubResult {
	text: string;
	/** Kinds of personal data found; any finding holds the text back for review. */
	found: string[];
}

const MONTHS =
	'jan(?:uari)?|feb(?:ruari)?|maart|mrt|apr(?:il)?|mei|jun(?:i)?|jul(?:i)?|aug(?:ustus)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const STREET_SUFFIX =
	'straat|laan|weg|plein|gracht|kade|dijk|singel|steeg|pad|hof|dreef|markt|baan|ring|plantsoen|wal|erf|weide|veld|donk|allee|boulevard|dam|hoek|kamp|burg';
// Short words in Dutch surnames; scrubbing them alone would mangle ordinary sentences.
const NAME_PARTICLES = new Set(
	"van de der den het ten ter te in op la le du da di von vd v.d. 't 's de la".split(' ')
);

type Rule = { kind: string; pattern: RegExp; accept?: (match: string) => boolean };

// Order matters: e-mail before URL, phone numbers before BSN-like digit runs, dates before postcodes.
const RULES: Rule[] = [
	{ kind: 'e-mail', pattern: /[\p{L}0-9._%+-]+@[\p{L}0-9-]+(?:\.[\p{L}0-9-]+)+/gu },
	{
		kind: 'link',
		pattern:
			/\b(?:https?:\/\/|www\.)[^\s]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:nl|com|org|net|eu|be|info|io|nu)\b(?:\/[^\s]*)?/gi
	},
	{
		kind: 'iban',
		pattern:
			/\b[A-Z]{2}\d{2}[ ]?[A-Z]{4}(?:[ ]?\d){10}\b|\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){3,7}(?:[ ]?[A-Z0-9]{1,3})?\b/gi,
		accept: (m) => /\d{6}/.test(m.replace(/\s/g, ''))
	},
	{
		kind: 'telefoon',
		pattern: /(?<![\w+])(?:\+|00)\s?31[\s.-]?(?:\(0\)[\s.-]?)?[1-9](?:[\s.-]{0,2}\d){8}(?!\d)/g
	},
	{
		kind: 'telefoon',
		pattern: /(?<![\w(])\(?0(?:[\s.\-/)]{0,2}\d){9}(?!\d)/g,
		accept: (m) => !/^\(?00/.test(m)
	},
	{
		kind: 'datum',
		pattern: new RegExp(
			`\\b\\d{4}-\\d{1,2}-\\d{1,2}\\b|\\b\\d{1,2}[-/.]\\d{1,2}[-/.](?:\\d{4}|\\d{2})\\b|\\b\\d{1,2}\\s(?:${MONTHS})\\.?(?:\\s\\d{4})?\\b`,
			'gi'
		)
	},
	{
		kind: 'bsn',
		pattern: /(?<![\d.])\d(?:[.\s]?\d){8}(?![\d])/g,
		accept: (m) => passesElfproef(m.replace(/\D/g, ''))
	},
	{
		kind: 'adres',
		pattern: new RegExp(
			`(?:\\b\\p{Lu}[\\p{L}'-]*\\s){0,3}\\b[\\p{L}'-]*(?:${STREET_SUFFIX})\\s+\\d{1,5}(?:\\s?[a-zA-Z]\\b|[-\\s]?\\d{1,4}\\b)?`,
			'gu'
		)
	},
	{
		kind: 'postcode',
		pattern: /\b[1-9]\d{3}(?:\s?[A-Z]{2}|[a-z]{2})\b(?:\s+\d{1,5}(?:\s?[a-zA-Z]\b)?)?/g
	}
];

/**
 * Removes personal data from a consultant's free text: e-mail addresses, links, IBANs, Dutch phone
 * numbers, dates, BSN-like numbers (only those passing the eleven test), street addresses, postcodes,
 * and the row's own names and personal values. A placeholder like `[telefoon]` marks each removal so a
 * reviewer sees what was there without seeing the value.
 */
export function scrubText(input: string, personal: RowPersonalValues): ScrubResult {
	const found = new Set<string>();
	let text = input.normalize('NFC').replace(/[ \t]+/g, ' ');
	if (text.trim() === '') return { text: '', found: [] };
	for (const literal of literalsOf(personal)) {
		text = replaceWord(text, literal, () => found.add('persoonsgegeven'), '[persoonsgegeven]');
	}
	for (const rule of RULES) {
		text = text.replace(rule.pattern, (match) => {
			if (rule.accept && !rule.accept(match)) return match;
			found.add(rule.kind);
			return `[${rule.kind}]`;
		});
	}
	for (const name of namesOf(personal)) {
		text = replaceWord(text, name, () => found.add('naam'), '[naam]');
	}
	return { text: text.replace(/[ \t]{2,}/g, ' ').trim(), found: [...found].sort() };
}

function literalsOf(personal: RowPersonalValues): string[] {
	return unique(personal.literals.map((value) => value.trim()).filter((value) => value.length >= 3));
}

function namesOf(personal: RowPersonalValues): string[] {
	const names: string[] = [];
	for (const value of personal.names) {
		const whole = value.trim().replace(/\s+/g, ' ');
		if (whole.length >= 2) names.push(whole);
		for (const part of whole.split(/[\s,]+/)) {
			const bare = part.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
			if (bare.length >= 2 && !NAME_PARTICLES.has(bare.toLowerCase())) names.push(bare);
			// Initials like "J.P." are names too once written with their dots.
			if (/^(?:\p{L}\.){1,4}$/u.test(part)) names.push(part);
		}
	}
	// Longest first, so "de Vries" goes before "Vries" and leaves no stray particle.
	return unique(names).sort((a, b) => b.length - a.length);
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Replaces whole-word, case-insensitive occurrences of `value`. Plain string search on purpose: a regex
 * per row's name costs milliseconds to compile, which a 100k-row import cannot afford.
 */
function replaceWord(text: string, value: string, onHit: () => void, placeholder: string): string {
	const needle = value.replace(/[ \t]+/g, ' ').toLowerCase();
	const lower = text.toLowerCase();
	if (lower.length !== text.length || needle.length === 0) return text;
	let out = '';
	let from = 0;
	let at = lower.indexOf(needle);
	while (at !== -1) {
		const end = at + needle.length;
		if (!WORD_CHAR.test(text[at - 1] ?? '') && !WORD_CHAR.test(text[end] ?? '')) {
			out += text.slice(from, at) + placeholder;
			from = end;
			onHit();
		}
		at = lower.indexOf(needle, end);
	}
	return out + text.slice(from);
}

function unique(values: string[]): string[] {
	return [...new Set(values)];
}
