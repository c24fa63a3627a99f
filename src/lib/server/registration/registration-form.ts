import * as v from 'valibot';
import { passwordProblem } from '../auth/password';

/** What was typed, echoed back when something is wrong. The password is never echoed. */
export interface RegistrationValues {
	soort: string;
	organisatie: string;
	kvk: string;
	naam: string;
	email: string;
	telefoon: string;
	toestemming: boolean;
}

export type RegistrationField = keyof RegistrationValues | 'wachtwoord';
export type RegistrationErrors = Partial<Record<RegistrationField, string>>;

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
	| { ok: true; registration: Registration; values: RegistrationValues }
	| { ok: false; message: string; errors: RegistrationErrors; values: RegistrationValues };

const text = (max: number, required: string, tooLong: string) =>
	v.pipe(v.string(), v.trim(), v.nonEmpty(required), v.maxLength(max, tooLong));

const Schema = v.object({
	soort: v.picklist(['intermediair', 'werkgever'], 'Kies of u intermediair of werkgever bent.'),
	organisatie: text(200, 'Vul de naam van uw organisatie in.', 'De naam van de organisatie is te lang.'),
	kvk: v.pipe(
		v.string(),
		v.transform((s) => s.replace(/[\s.]/g, '')),
		v.nonEmpty('Vul het KvK-nummer van uw organisatie in.'),
		v.regex(/^\d{8}$/, 'Een KvK-nummer heeft 8 cijfers, bijvoorbeeld 12345678.')
	),
	naam: v.pipe(
		text(100, 'Vul uw naam in.', 'Uw naam is te lang (maximaal 100 tekens).'),
		v.minLength(2, 'Vul uw naam in.')
	),
	email: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty('Vul uw e-mailadres in.'),
		v.maxLength(254, 'Dit e-mailadres is te lang.'),
		v.email('Vul een geldig e-mailadres in, bijvoorbeeld naam@organisatie.nl.')
	),
	telefoon: v.pipe(
		v.string(),
		v.trim(),
		v.check(
			(s) => s === '' || /^\+?[\d\s()-]{10,20}$/.test(s),
			'Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678, of laat het veld leeg.'
		)
	),
	toestemming: v.literal(true, 'Geef toestemming voor het gebruik van uw gegevens.')
});

export function readRegistrationValues(form: FormData): RegistrationValues {
	const s = (name: string) => String(form.get(name) ?? '');
	return {
		soort: s('soort'),
		organisatie: s('organisatie'),
		kvk: s('kvk'),
		naam: s('naam'),
		email: s('email'),
		telefoon: s('telefoon'),
		toestemming: form.get('toestemming') === 'ja'
	};
}

/** Checks the whole form at once, so every problem is shown in one go. */
export function parseRegistration(form: FormData): RegistrationParse {
	const values = readRegistrationValues(form);
	const password = String(form.get('wachtwoord') ?? '');
	const errors: RegistrationErrors = {};
	const result = v.safeParse(Schema, values);
	if (!result.success) {
		for (const issue of result.issues) {
			const field = v.getDotPath(issue) as RegistrationField | null;
			if (field && !errors[field]) errors[field] = issue.message;
		}
	}
	const problem = passwordProblem(password, values.email);
	if (problem) errors.wachtwoord = problem;
	if (!result.success || problem) {
		return { ok: false, message: 'Verbeter de fouten in het formulier.', errors, values };
	}
	const out = result.output;
	return {
		ok: true,
		values,
		registration: {
			kind: out.soort,
			organisation: out.organisatie,
			kvk: out.kvk,
			name: out.naam.replace(/\s+/g, ' '),
			email: out.email,
			phone: out.telefoon || null,
			password
		}
	};
}
