import * as v from 'valibot';
import { addDays } from '$lib/time';
import {
	consent,
	emailAddress,
	kvkNumber,
	optionalCalendarDay,
	optionalText,
	phoneNumber,
	requiredText
} from '../forms/fields';

// A start further ahead is a typo (9999) rather than a plan: advisers cannot promise a candidate that far out.
const LATEST_START_DAYS = 2 * 365;

/** The form's checks; the start date must fall between `today` (Amsterdam, `YYYY-MM-DD`) and two years on. */
export const submissionSchema = (today: string) =>
	v.object({
		// The chosen candidates travel with the form; selectedRefs keeps the well-formed ones.
		kandidaat: v.array(v.pipe(v.string(), v.maxLength(20))),
		bedrijfsnaam: requiredText(200, 'Vul de naam van uw bedrijf in.', 'De bedrijfsnaam is te lang.'),
		kvk: kvkNumber('Vul uw KvK-nummer in.'),
		werklocatie: requiredText(
			100,
			'Vul de plaats of de postcode van het werk in.',
			'Deze plaats is te lang.'
		),
		contactpersoon: requiredText(200, 'Vul de naam van de contactpersoon in.', 'Deze naam is te lang.'),
		email: emailAddress('naam@bedrijf.nl'),
		telefoon: phoneNumber(),
		functie: requiredText(
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
		bericht: optionalText(2000, 'Maak uw bericht korter (maximaal 2000 tekens).'),
		toestemming: consent()
	});

export type SubmissionSchema = ReturnType<typeof submissionSchema>;
export type SubmissionFields = v.InferOutput<SubmissionSchema>;
