import * as v from 'valibot';
import { passwordProblem } from '../auth/password';
import {
	choice,
	consent,
	emailAddress,
	kvkNumber,
	optionalPhoneNumber,
	password,
	requiredText
} from '../forms/fields';
import { parseForm, type FormFailure, type FormValues } from '../forms/parse-form';

export const RegistrationSchema = v.object({
	soort: choice(['intermediair', 'werkgever'], 'Kies of u intermediair of werkgever bent.'),
	organisatie: requiredText(
		200,
		'Vul de naam van uw organisatie in.',
		'De naam van de organisatie is te lang.'
	),
	kvk: kvkNumber(),
	naam: v.pipe(
		requiredText(100, 'Vul uw naam in.', 'Uw naam is te lang (maximaal 100 tekens).'),
		v.minLength(2, 'Vul uw naam in.')
	),
	email: emailAddress(),
	telefoon: optionalPhoneNumber(),
	// Its strength is checked by passwordProblem, which also needs the e-mail address.
	wachtwoord: password('Kies een wachtwoord.'),
	toestemming: consent()
});

export interface Registration {
	kind: 'intermediair' | 'werkgever';
	organisation: string;
	kvk: string;
	name: string;
	email: string;
	phone: string | null;
	password: string;
}

export type RegistrationParse =
	| { ok: true; registration: Registration; values: FormValues<typeof RegistrationSchema> }
	| { ok: false; failure: FormFailure<typeof RegistrationSchema> };

/** Checks the whole form at once, so every problem is shown in one go. The password is never echoed. */
export function parseRegistration(form: FormData): RegistrationParse {
	const parsed = parseForm(RegistrationSchema, form, {
		conceal: ['wachtwoord'],
		check: (values) => ({ wachtwoord: passwordProblem(values.wachtwoord, values.email.trim()) ?? undefined })
	});
	if (!parsed.ok) return parsed;
	const out = parsed.data;
	return {
		ok: true,
		values: parsed.values,
		registration: {
			kind: out.soort,
			organisation: out.organisatie,
			kvk: out.kvk,
			name: out.naam.replace(/\s+/g, ' '),
			email: out.email,
			phone: out.telefoon || null,
			password: out.wachtwoord
		}
	};
}
