import * as v from 'valibot';
import { PASSWORD_MAX_LENGTH } from '../auth/password';
import { isCalendarDay } from '$lib/time';

/**
 * The building blocks of form schemas, so the same kind of field is checked (and worded) the same way on
 * every page. Fields arrive as strings; a missing field is ''.
 */

/** Required free text, trimmed, with a length cap (a huge field is bad input, never a 500). */
export const requiredText = (max: number, required: string, tooLong: string) =>
	v.pipe(v.string(), v.trim(), v.nonEmpty(required), v.maxLength(max, tooLong));

/** Optional free text: '' when left empty. */
export const optionalText = (max: number, tooLong: string) =>
	v.pipe(v.string(), v.trim(), v.maxLength(max, tooLong));

/** The one e-mail check: trimmed, at most 254 characters, a plausible address. */

export const emailAddress = (example = 'naam@organisatie.nl', required = 'Vul uw e-mailadres in.') =>
	v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty(required),
		v.maxLength(254, 'Dit e-mailadres is te lang.'),
		v.email(`Vul een geldig e-mailadres in, bijvoorbeeld ${example}.`)
	);

/** An e-mail address that may be left empty ('' then). */
export const optionalEmailAddress = (example = 'naam@organisatie.nl') =>
	v.pipe(
		v.string(),
		v.trim(),
		v.maxLength(254, 'Dit e-mailadres is te lang.'),
		v.check(
			(s) => s === '' || v.EMAIL_REGEX.test(s),
			`Vul een geldig e-mailadres in, bijvoorbeeld ${example}.`
		)
	);

/** Dutch Chamber of Commerce number: 8 digits, spaces and dots allowed while typing. */
export const kvkNumber = (required = 'Vul het KvK-nummer van uw organisatie in.') =>
	v.pipe(
		v.string(),
		v.transform((s) => s.replace(/[\s.]/g, '')),
		v.nonEmpty(required),
		v.regex(/^\d{8}$/, 'Een KvK-nummer heeft 8 cijfers, bijvoorbeeld 12345678.')
	);

// A bracketed area code may come first: (030) 123 45 67.
const PHONE = /^\+?[0-9(][0-9 ()-]{7,24}$/;

/** The one phone check: digits, spaces, dashes and brackets, 10 to 15 digits (Dutch or international). */
export function phoneProblem(phone: string): string | null {
	if (!PHONE.test(phone)) return 'Vul een telefoonnummer in, zoals 030 123 45 67 of +31 30 123 45 67.';
	const digits = phone.replace(/\D/g, '').length;
	return digits < 10 || digits > 15 ? 'Een telefoonnummer heeft 10 tot 15 cijfers.' : null;
}

export const phoneNumber = () =>
	v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty('Vul uw telefoonnummer in.'),
		v.check((s) => !phoneProblem(s), 'Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678.')
	);

export const optionalPhoneNumber = (
	message = 'Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678, of laat het veld leeg.'
) =>
	v.pipe(
		v.string(),
		v.trim(),
		v.maxLength(100, message),
		v.check((s) => s === '' || !phoneProblem(s), message)
	);

/** A checkbox: ticked or not. Browsers send nothing for an unticked box. */
export const checkbox = () =>
	v.pipe(
		v.string(),
		v.transform((s) => s !== '')
	);

/** A consent box that must be ticked (the form's ConsentField). */
export const consent = (message = 'Geef toestemming voor het gebruik van uw gegevens.') =>
	v.pipe(
		v.string(),
		v.transform((s) => s !== ''),
		v.check((ticked) => ticked, message)
	);

/** One of a fixed set of choices (radio buttons, a select). */
export const choice = <const T extends string>(options: readonly T[], message: string) =>
	v.picklist(options, message);

/**
 * A password as typed: never trimmed (spaces count), never empty, capped so argon2 never hashes a
 * megabyte. Strength is the domain's check (`passwordProblem`), which knows the e-mail address.
 */
export const password = (required = 'Vul uw wachtwoord in.') =>
	v.pipe(
		v.string(),
		v.nonEmpty(required),
		v.maxLength(PASSWORD_MAX_LENGTH, `Een wachtwoord heeft hoogstens ${PASSWORD_MAX_LENGTH} tekens.`)
	);

/** The second copy of a new password must equal the first (for a form's `check`). */
export const samePassword = (first: string, second: string) =>
	first !== second ? 'De twee wachtwoorden zijn niet hetzelfde.' : undefined;

// Record ids are generated (random text or a number): anything else did not come from our own page.
const ID = /^[\w-]{1,100}$/;

/** The id of a record chosen in the form (a select, a hidden field): an id, or '' when none is chosen. */
export const optionalId = (message = 'Deze keuze bestaat niet (meer).') =>
	v.pipe(
		v.string(),
		v.trim(),
		v.check((s) => s === '' || ID.test(s), message)
	);

/** The id of the record a button acts on: a wrong one is a link that no longer works. */
export const recordId = (message = 'Deze keuze bestaat niet (meer).') =>
	v.pipe(v.string(), v.trim(), v.regex(ID, message));

/** A day as a date input sends it (`YYYY-MM-DD`) that exists on the calendar; '' when left empty. */
export const optionalCalendarDay = (invalid = 'Vul een bestaande datum in, bijvoorbeeld 2026-03-15.') =>
	v.pipe(
		v.string(),
		v.trim(),
		v.check((s) => s === '' || isCalendarDay(s), invalid)
	);
