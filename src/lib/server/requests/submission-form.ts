import * as v from 'valibot';
import { addDays } from '$lib/time';
import { optionalCalendarDay } from '../forms/fields';

/** The fields of the interest form, as typed; echoed back when something is wrong. */
export interface SubmissionValues {
	bedrijfsnaam: string;
	kvk: string;
	werklocatie: string;
	contactpersoon: string;
	email: string;
	telefoon: string;
	functie: string;
	uren: string;
	startdatum: string;
	bericht: string;
	toestemming: boolean;
}

export type SubmissionErrors = Partial<Record<keyof SubmissionValues | 'kandidaat', string>>;

const text = (max: number, required: string, tooLong: string) =>
	v.pipe(v.string(), v.trim(), v.nonEmpty(required), v.maxLength(max, tooLong));

// A start further ahead is a typo (9999) rather than a plan: advisers cannot promise a candidate that far out.
const LATEST_START_DAYS = 2 * 365;

/** The form's checks; the start date must fall between `today` (Amsterdam, `YYYY-MM-DD`) and two years on. */
const submissionSchema = (today: string) =>
	v.object({
		bedrijfsnaam: text(200, 'Vul de naam van uw bedrijf in.', 'De bedrijfsnaam is te lang.'),
		kvk: v.pipe(
			v.string(),
			v.transform((s) => s.replace(/[\s.]/g, '')),
			v.nonEmpty('Vul uw KvK-nummer in.'),
			v.regex(/^\d{8}$/, 'Een KvK-nummer heeft 8 cijfers, bijvoorbeeld 12345678.')
		),
		werklocatie: text(100, 'Vul de plaats of de postcode van het werk in.', 'Deze plaats is te lang.'),
		contactpersoon: text(200, 'Vul de naam van de contactpersoon in.', 'Deze naam is te lang.'),
		email: v.pipe(
			v.string(),
			v.trim(),
			v.nonEmpty('Vul uw e-mailadres in.'),
			v.maxLength(254, 'Dit e-mailadres is te lang.'),
			v.email('Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.nl.')
		),
		telefoon: v.pipe(
			v.string(),
			v.trim(),
			v.nonEmpty('Vul uw telefoonnummer in.'),
			v.regex(/^\+?[\d\s()-]{10,20}$/, 'Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678.')
		),
		functie: text(
			500,
			'Beschrijf kort het werk: de functie of de taken.',
			'Maak de beschrijving korter (maximaal 500 tekens).'
		),
		uren: v.pipe(
			v.string(),
			v.trim(),
			v.nonEmpty('Vul in hoeveel uur per week het werk is.'),
			v.regex(/^\d{1,2}$/, 'Vul het aantal uren per week in als getal, bijvoorbeeld 24.'),
			v.transform(Number),
			v.minValue(1, 'Vul een aantal uren tussen 1 en 60 in.'),
			v.maxValue(60, 'Vul een aantal uren tussen 1 en 60 in.')
		),
		startdatum: v.pipe(
			optionalCalendarDay('Vul een bestaande datum in, bijvoorbeeld 2026-03-01.'),
			v.check(
				(day) => day === '' || day >= today,
				'Deze datum ligt in het verleden. Kies een startdatum vanaf vandaag, of laat het veld leeg.'
			),
			v.check(
				(day) => day === '' || day <= addDays(today, LATEST_START_DAYS),
				'Kies een startdatum binnen twee jaar, of laat het veld leeg.'
			)
		),
		bericht: v.pipe(
			v.string(),
			v.trim(),
			v.maxLength(2000, 'Maak uw bericht korter (maximaal 2000 tekens).')
		),
		toestemming: v.literal(true, 'Geef toestemming voor het gebruik van uw gegevens.')
	});

export type SubmissionFields = v.InferOutput<ReturnType<typeof submissionSchema>>;

export function readSubmissionValues(form: FormData): SubmissionValues {
	const s = (name: string) => String(form.get(name) ?? '');
	return {
		bedrijfsnaam: s('bedrijfsnaam'),
		kvk: s('kvk'),
		werklocatie: s('werklocatie'),
		contactpersoon: s('contactpersoon'),
		email: s('email'),
		telefoon: s('telefoon'),
		functie: s('functie'),
		uren: s('uren'),
		startdatum: s('startdatum'),
		bericht: s('bericht'),
		toestemming: form.get('toestemming') === 'ja'
	};
}

/** Checks what was typed; every message is Dutch and says how to fix it. */
export function validateSubmission(
	values: SubmissionValues,
	today: string
): { ok: true; fields: SubmissionFields } | { ok: false; errors: SubmissionErrors } {
	const result = v.safeParse(submissionSchema(today), values, { abortPipeEarly: true });
	if (result.success) return { ok: true, fields: result.output };
	const errors: SubmissionErrors = {};
	for (const issue of result.issues) {
		const key = issue.path?.[0]?.key as keyof SubmissionErrors | undefined;
		if (key && !errors[key]) errors[key] = issue.message;
	}
	return { ok: false, errors };
}
