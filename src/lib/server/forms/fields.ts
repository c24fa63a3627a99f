import * as v from 'valibot';
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

/** Dutch Chamber of Commerce number: 8 digits, spaces and dots allowed while typing. */
export const kvkNumber = (required = 'Vul het KvK-nummer van uw organisatie in.') =>
	v.pipe(
		v.string(),
		v.transform((s) => s.replace(/[\s.]/g, '')),
		v.nonEmpty(required),
		v.regex(/^\d{8}$/, 'Een KvK-nummer heeft 8 cijfers, bijvoorbeeld 12345678.')
	);

const PHONE = /^\+?[\d\s()-]{10,20}$/;

export const phoneNumber = () =>
	v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty('Vul uw telefoonnummer in.'),
		v.regex(PHONE, 'Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678.')
	);

export const optionalPhoneNumber = () =>
	v.pipe(
		v.string(),
		v.trim(),
		v.check(
			(s) => s === '' || PHONE.test(s),
			'Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678, of laat het veld leeg.'
		)
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

/** A day as a date input sends it (`YYYY-MM-DD`) that exists on the calendar; '' when left empty. */
export const optionalCalendarDay = (invalid = 'Vul een bestaande datum in, bijvoorbeeld 2026-03-15.') =>
	v.pipe(
		v.string(),
		v.trim(),
		v.check((s) => s === '' || isCalendarDay(s), invalid)
	);
