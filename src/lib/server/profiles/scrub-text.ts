import { passesElfproef } from './elfproef';

/** Values from the row's own personal columns, used only to scrub its text and then dropped. */
export interface RowPersonalValues {
	names: string[];
	literals: string[];
}

export interface ScrubResult {
	text: string;
	/** Kinds of personal data found and removed. */
	found: string[];
}

/** A passage the rules recognise as personal data, by offsets into the NFC text. */
export interface PersonalSpan {
	start: number;
	end: number;
	kind: string;
}

const MONTHS =
	'jan(?:uari)?|feb(?:ruari)?|maart|mrt|apr(?:il)?|mei|jun(?:i)?|jul(?:i)?|aug(?:ustus)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const STREET_SUFFIX =
	'straat|laan|weg|plein|gracht|kade|dijk|singel|steeg|pad|hof|dreef|markt|baan|ring|plantsoen|wal|erf|weide|veld|donk|allee|boulevard|dam|hoek|kamp|burg';
const DIGIT_WORDS = 'nul|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen';
// Day numbers in words ("twaalf maart") and years ("negentienvijfenzeventig").
const DAY_WORDS =
	'een|één|eerste|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien|twintig|\\p{L}+entwintig|dertig|eenendertig|\\p{L}+(?:de|ste)';
const NUMBER_WORD =
	'(?:(?:\\p{L}+en)?(?:twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)|(?:veer|vijf|zes|zeven|acht|negen)tien)';
// Short words in Dutch surnames; scrubbing them alone would mangle ordinary sentences.
const NAME_PARTICLES = new Set(
	"van de der den het ten ter te in op la le du da di von vd v.d. 't 's de la".split(' ')
);
// Two-letter Dutch words that follow a year as often as postcode letters follow four digits.
const NOT_POSTCODE_LETTERS = new Set(
	'en in op of om te de is al ik ze je we na nu zo er ga me ja tv wo hv hu'.split(' ')
);
// Sentence words a missing space after a full stop turns into something like a domain.
const NOT_TLD = new Set(
	'de het een hij zij ze ik je we wij en in op dat die is er als maar ook met van zo dan wel niet nog'.split(
		' '
	)
);
const PHONE_SEPARATORS = '[\\s.\\-\u2013\u2014/()]';
// Dutch licence plates, every sidecode (1-14): L = letter, D = digit.
const SIDECODES = [
	'LL-DD-DD',
	'DD-DD-LL',
	'DD-LL-DD',
	'LL-DD-LL',
	'LL-LL-DD',
	'DD-LL-LL',
	'DD-LLL-D',
	'D-LLL-DD',
	'LL-DDD-L',
	'L-DDD-LL',
	'LLL-DD-L',
	'L-DD-LLL',
	'D-LL-DDD',
	'DDD-LL-D'
];
const PLATE = SIDECODES.map((code) =>
	code
		.split('-')
		.map((group) => (group[0] === 'L' ? `[A-Za-z]{${group.length}}` : `\\d{${group.length}}`))
		.join('[-\\s]?')
).join('|');

type Rule = { kind: string; pattern: RegExp; accept?: (match: string) => boolean };

const TLD_OK = (m: string) => {
	const tld = /\.([a-z]{2,24})(?:\/\S*)?$/.exec(m.replace(/[.,;:!?)]+$/, ''))?.[1];
	return tld !== undefined && !NOT_TLD.has(tld);
};

// Order matters: e-mail before handles, handles before links, phone numbers before BSN-like runs, dates before
// postcodes, postcodes before plates (1234AB is both).
const RULES: Rule[] = [
	{ kind: 'e-mail', pattern: /[\p{L}0-9._%+-]+\s?@\s?[\p{L}0-9-]+(?:\s?\.\s?[\p{L}0-9-]+)+/gu },
	{
		// "naam at gmail punt com", "naam [at] gmail [dot] com", "naam(at)gmail.com".
		kind: 'e-mail',
		pattern:
			/[\p{L}0-9._%+-]+\s*(?:\[at\]|\(at\)|\{at\}|\sat\s|\sapenstaartje\s)\s*[\p{L}0-9-]+(?:\s*(?:\.|\[dot\]|\(dot\)|\[punt\]|\(punt\)|\spunt\s|\sdot\s)\s*[\p{L}0-9-]+)+/giu
	},
	{
		kind: 'handle',
		pattern:
			/(?<![\p{L}0-9])@[\p{L}0-9._]{2,}|\b(?:instagram|insta|tiktok|facebook|fb|twitter|snapchat|snap|linkedin|telegram|discord)\s*:\s*@?[\p{L}0-9._-]+/giu
	},
	{
		kind: 'link',
		pattern: /\b(?:https?:\/\/|www\.)[^\s]+/gi
	},
	{
		kind: 'link',
		pattern: /\b[\p{L}0-9-]{2,}(?:\.[\p{L}0-9-]+)*\.[a-z]{2,24}\b(?:\/[^\s]*)?/gu,
		accept: TLD_OK
	},
	{
		kind: 'iban',
		pattern:
			/\b[A-Z]{2}\d{2}[ ]?[A-Z]{4}(?:[ ]?\d){10}\b|\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){3,7}(?:[ ]?[A-Z0-9]{1,3})?\b/gi,
		accept: (m) => /\d{6}/.test(m.replace(/\s/g, ''))
	},
	{
		// International: +31, 0031, +32, +49, with any separator and the letter O for a zero.
		kind: 'telefoon',
		pattern: new RegExp(
			`(?<![\\w+])(?:\\+|00)${PHONE_SEPARATORS}?(?:31|32|49)(?:${PHONE_SEPARATORS}{0,3}[\\dOo]){6,12}(?![\\w])`,
			'g'
		),
		accept: (m) => (m.match(/\d/g)?.length ?? 0) >= 8
	},
	{
		// National: ten digits starting with 0.
		kind: 'telefoon',
		pattern: new RegExp(`(?<![\\w(+])\\(?[0Oo](?:${PHONE_SEPARATORS}{0,3}[\\dOo]){9}(?![\\w])`, 'g'),
		accept: (m) => !/^\(?[0Oo]{2}/.test(m) && (m.match(/\d/g)?.length ?? 0) >= 6
	},
	{
		// Spelled-out digits: "nul zes een twee drie ...".
		kind: 'telefoon',
		pattern: new RegExp(`\\b(?:(?:${DIGIT_WORDS})[\\s,.-]+){5,}(?:${DIGIT_WORDS})\\b`, 'giu')
	},
	{
		kind: 'geboortedatum',
		pattern: new RegExp(
			`\\b(?:geboren|geb\\.|geboortedatum:?)\\s+(?:(?:op|in|per)\\s+)?(?:(?:${DAY_WORDS}|\\d{1,2}(?:e|ste|de)?)\\s+)?(?:(?:${MONTHS})\\.?\\s+)?(?:\\d{4}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}|(?:negentien|tweeduizend)\\p{L}*)`,
			'giu'
		)
	},
	{
		kind: 'datum',
		pattern: new RegExp(
			`\\b\\d{4}-\\d{1,2}-\\d{1,2}\\b|\\b\\d{1,2}[-/.]\\d{1,2}[-/.](?:\\d{4}|\\d{2})\\b|\\b\\d{1,2}\\s(?:${MONTHS})\\.?(?:\\s\\d{4})?\\b|\\b(?:${DAY_WORDS})\\s(?:${MONTHS})\\b(?:\\s(?:\\d{4}|(?:negentien|tweeduizend)\\p{L}*))?`,
			'giu'
		)
	},
	{
		kind: 'leeftijd',
		pattern: new RegExp(
			[
				`\\b\\d{2}\\s?(?:-\\s?)?jarige?\\b`,
				`\\b\\d{2}\\s+jaar(?:\\s+oud)?\\b(?!\\s+(?:ervaring|werkervaring|gewerkt|lang|in|bij|actief|werkzaam|geleden|werk))`,
				`\\b(?:ik ben|ben|is|was|werd|word|wordt)\\s+(?:\\d{2}|${NUMBER_WORD})(?:\\s+jaar(?:\\s+oud)?)?\\b(?!\\s*(?:uur|km|kilometer|%|procent|euro|minuten|weken|maanden|dagen|keer|tot|à|a|-|–|of))`,
				`\\b(?:mijn|zijn|haar|het|de)\\s+\\d{2}(?:e|ste)\\b`,
				`\\bleeftijd(?:\\s+van)?:?\\s*\\d{2}\\b`
			].join('|'),
			'giu'
		),
		accept: (m) => {
			const n = Number(/\d{2}/.exec(m)?.[0] ?? 30);
			return n >= 14 && n <= 99;
		}
	},
	{
		kind: 'bsn',
		pattern: /(?<![\d.])\d(?:[.\s\-\u2013]?\d){7,8}(?![\d])/g,
		accept: (m) => passesElfproef(m.replace(/\D/g, '').padStart(9, '0'))
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
		pattern: /\b[1-9]\d{3}(?:\s?[A-Za-z]{2})\b(?:\s+\d{1,5}(?:\s?[a-zA-Z]\b)?)?/g,
		accept: (m) => {
			const letters = /^[1-9]\d{3}(\s?)([A-Za-z]{2})/.exec(m)!;
			if (/^(?:SS|SA|SD)$/i.test(letters[2])) return false;
			// "sinds 2019 en" is a year, "1234 AB" and "1234ab" are postcodes.
			return !(
				letters[1] &&
				NOT_POSTCODE_LETTERS.has(letters[2].toLowerCase()) &&
				letters[2] === letters[2].toLowerCase()
			);
		}
	},
	{
		kind: 'kenteken',
		pattern: new RegExp(`(?<![\\p{L}\\p{N}-])(?:${PLATE})(?![\\p{L}\\p{N}-])`, 'gu'),
		accept: (m) => {
			const letters = m.replace(/[^A-Za-z]/g, '');
			if (!/\d/.test(m) || !letters) return false;
			// "hbo 24 u" is no plate; "AB 12 CD" and "ab-12-cd" are.
			return m.includes('-') || letters === letters.toUpperCase();
		}
	}
];

/**
 * Removes personal data from a consultant's free text: e-mail addresses (also written "at ... punt
 * com"), links and domains, handles, IBANs, phone numbers in any notation, licence plates, birth dates,
 * dates, ages, BSN-like numbers (only those passing the eleven test), street addresses, postcodes, and
 * the row's own names (with their variants) and personal values. A placeholder like `[telefoon]` marks
 * each removal so a reviewer sees what was there without seeing the value.
 */
export function scrubText(input: string, personal: RowPersonalValues): ScrubResult {
	const found = new Set<string>();
	let text = input.normalize('NFC').replace(/[ \t]+/g, ' ');
	if (text.trim() === '') return { text: '', found: [] };
	for (const literal of literalsOf(personal)) {
		text = replaceWord(text, literal, () => found.add('persoonsgegeven'), '[persoonsgegeven]', false);
	}
	for (const rule of RULES) {
		text = text.replace(rule.pattern, (match) => {
			if (rule.accept && !rule.accept(match)) return match;
			found.add(rule.kind);
			return `[${rule.kind}]`;
		});
	}
	for (const name of namesOf(personal)) {
		text = replaceWord(text, name, () => found.add('naam'), '[naam]', true);
	}
	return { text: text.replace(/[ \t]{2,}/g, ' ').trim(), found: [...found].sort() };
}

/** Where the rules find personal data in a text, without changing it (for the reviewer's marks). */
export function personalDataSpans(input: string): PersonalSpan[] {
	let text = input.normalize('NFC');
	const spans: PersonalSpan[] = [];
	for (const rule of RULES) {
		text = text.replace(rule.pattern, (match, ...rest) => {
			if (rule.accept && !rule.accept(match)) return match;
			const offset = rest.find((r) => typeof r === 'number') as number;
			spans.push({ start: offset, end: offset + match.length, kind: rule.kind });
			// Masked with a character no rule matches, so offsets stay true for the next rules.
			return '\u2591'.repeat(match.length);
		});
	}
	return spans.sort((a, b) => a.start - b.start);
}

function literalsOf(personal: RowPersonalValues): string[] {
	return unique(
		personal.literals.map((value) => value.normalize('NFC').trim()).filter((value) => value.length >= 3)
	);
}

function namesOf(personal: RowPersonalValues): string[] {
	const names: string[] = [];
	for (const value of personal.names) {
		const whole = value.normalize('NFC').trim().replace(/\s+/g, ' ');
		if (whole.length >= 2) names.push(whole);
		const parts = whole.split(/[\s,]+/);
		// "van der Berg" is also written "vd Berg" or "v.d. Berg".
		const surname = parts.filter((p) => !NAME_PARTICLES.has(p.toLowerCase()));
		if (parts.length > surname.length && surname.length) {
			const last = surname[surname.length - 1];
			names.push(`vd ${last}`, `v.d. ${last}`, `v/d ${last}`);
		}
		for (const part of parts) {
			const bare = part.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
			if (bare.length >= 2 && !NAME_PARTICLES.has(bare.toLowerCase())) {
				names.push(bare);
				// Double names: "Anne-Marie" is also "Anne" and "Marie".
				for (const piece of bare.split('-')) if (piece.length >= 3) names.push(piece);
			}
			// Initials like "J.P." are names too once written with their dots.
			if (/^(?:\p{L}\.){1,4}$/u.test(part)) names.push(part);
		}
	}
	// Longest first, so "de Vries" goes before "Vries" and leaves no stray particle.
	return unique(names).sort((a, b) => b.length - a.length);
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
// Possessive and diminutive endings a name takes in a Dutch sentence: Jans, Kees', Jantje, Annie.
const NAME_ENDINGS = ['tjes', "'s", '’s', 'tje', 'pje', 'jes', 'je', 'ke', 'ie', "'", '’', 's'];

/** Lower case and without accents, one UTF-16 unit for one: offsets into it are offsets into `text`. */
export function foldPerCharacter(text: string): string {
	// eslint-disable-next-line no-control-regex -- the ASCII range, where lower-casing keeps lengths
	if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
	let out = '';
	for (const ch of text) {
		if (ch.charCodeAt(0) < 0x80) {
			out += ch.toLowerCase();
			continue;
		}
		let f = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
		if (f.length !== ch.length) f = f.length > ch.length ? f.slice(0, ch.length) : ch;
		out += f;
	}
	return out;
}

/**
 * Replaces whole-word occurrences of `value`, ignoring case and accents per character (so an "İ"
 * elsewhere or a decomposed name cannot switch matching off). Plain string search on purpose: a regex
 * per row's name costs milliseconds to compile, which a 100k-row import cannot afford.
 */
function replaceWord(
	text: string,
	value: string,
	onHit: () => void,
	placeholder: string,
	withEndings: boolean
): string {
	const needle = foldPerCharacter(value.replace(/[ \t]+/g, ' '));
	const lower = foldPerCharacter(text);
	if (needle.length === 0) return text;
	let out = '';
	let from = 0;
	let at = lower.indexOf(needle);
	while (at !== -1) {
		let end = at + needle.length;
		if (withEndings) {
			const ending = NAME_ENDINGS.find(
				(e) => lower.startsWith(e, end) && !WORD_CHAR.test(text[end + e.length] ?? '')
			);
			if (ending) end += ending.length;
		}
		if (!WORD_CHAR.test(text[at - 1] ?? '') && !WORD_CHAR.test(text[end] ?? '')) {
			out += text.slice(from, at) + placeholder;
			from = end;
			onHit();
		}
		at = lower.indexOf(needle, Math.max(end, at + 1));
	}
	return out + text.slice(from);
}

function unique(values: string[]): string[] {
	return [...new Set(values)];
}
