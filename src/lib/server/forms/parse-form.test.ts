import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { checkbox, consent, emailAddress, requiredText } from './fields';
import { formFailure, parseForm } from './parse-form';

const Schema = v.object({
	naam: requiredText(20, 'Vul uw naam in.', 'Uw naam is te lang.'),
	email: emailAddress(),
	wachtwoord: v.string(),
	nieuwsbrief: checkbox(),
	sectoren: v.array(v.string()),
	toestemming: consent()
});

const post = (entries: [string, string][]) => {
	const form = new FormData();
	for (const [k, value] of entries) form.append(k, value);
	return form;
};

describe('parseForm', () => {
	it('gives every problem at once in Dutch, and echoes what was typed except concealed fields', () => {
		const result = parseForm(
			Schema,
			post([
				['naam', 'x'.repeat(50)],
				['email', 'piet@'],
				['wachtwoord', 'geheim'],
				['sectoren', 'zorg'],
				['sectoren', 'bouw']
			]),
			{
				conceal: ['wachtwoord'],
				check: (values) => ({ wachtwoord: values.wachtwoord.length < 12 ? 'Te kort.' : undefined })
			}
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.failure).toEqual({
			message: 'Verbeter de fouten in het formulier.',
			errors: {
				naam: 'Uw naam is te lang.',
				email: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@organisatie.nl.',
				wachtwoord: 'Te kort.',
				toestemming: 'Geef toestemming voor het gebruik van uw gegevens.'
			},
			values: {
				naam: 'x'.repeat(50),
				email: 'piet@',
				wachtwoord: '',
				nieuwsbrief: '',
				sectoren: ['zorg', 'bouw'],
				toestemming: ''
			}
		});
	});

	it('returns typed data for a good post', () => {
		const result = parseForm(
			Schema,
			post([
				['naam', '  Piet '],
				['email', 'piet@bakkerij.example'],
				['wachtwoord', 'x'],
				['nieuwsbrief', 'ja'],
				['toestemming', 'ja']
			])
		);
		expect(result.ok && result.data).toEqual({
			naam: 'Piet',
			email: 'piet@bakkerij.example',
			wachtwoord: 'x',
			nieuwsbrief: true,
			sectoren: [],
			toestemming: true
		});
	});

	it('gives a domain failure the same shape', () => {
		const values = {
			naam: 'Piet',
			email: 'a@b.nl',
			wachtwoord: 'x',
			nieuwsbrief: '',
			sectoren: [],
			toestemming: 'ja'
		};
		expect(
			formFailure<typeof Schema>(
				values,
				{},
				{ message: 'Probeer het later.', conceal: ['wachtwoord'], action: 'bewaar' }
			)
		).toEqual({
			message: 'Probeer het later.',
			errors: {},
			values: { ...values, wachtwoord: '' },
			action: 'bewaar'
		});
	});
});
