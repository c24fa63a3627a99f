import { describe, expect, it } from 'vitest';
import { passesElfproef } from './elfproef';
import { scrubText } from './scrub-text';

const none = { names: [], literals: [] };
const scrub = (text: string) => scrubText(text, none);

describe('scrubText', () => {
	it.each([
		['Mail naar jan.jansen@example.nl voor info', 'Mail naar [e-mail] voor info', 'e-mail'],
		['Zie https://www.linkedin.com/in/jan of www.jan.nl', 'Zie [link] of [link]', 'link'],
		['Rekening NL91 ABNA 0417 1643 00 graag', 'Rekening [iban] graag', 'iban'],
		['Rekening NL91ABNA0417164300.', 'Rekening [iban].', 'iban'],
		['Bel 06-12345678 of 0612345678', 'Bel [telefoon] of [telefoon]', 'telefoon'],
		['Bel 06 12 34 56 78', 'Bel [telefoon]', 'telefoon'],
		['Bel +31 6 1234 5678', 'Bel [telefoon]', 'telefoon'],
		['Bel +31 (0)6-12345678', 'Bel [telefoon]', 'telefoon'],
		['Bel 0031 6 12345678', 'Bel [telefoon]', 'telefoon'],
		[
			'Bel 010-1234567 of (020) 123 4567 of 0592-123456',
			'Bel [telefoon] of [telefoon] of [telefoon]',
			'telefoon'
		],
		[
			'Intake 12-03-1985 en gestart 2024-01-15 of 3 maart 2020',
			'Intake [datum] en gestart [datum] of [datum]',
			'datum'
		],
		['BSN 111222333 bekend', 'BSN [bsn] bekend', 'bsn'],
		['BSN 1112.22.333 bekend', 'BSN [bsn] bekend', 'bsn'],
		['BSN 111 222 333 bekend', 'BSN [bsn] bekend', 'bsn'],
		['Woont op 1234 AB nu', 'Woont op [postcode] nu', 'postcode'],
		['Woont op 1234AB 12 nu', 'Woont op [postcode] nu', 'postcode'],
		['Woont aan de Kerkstraat 12a in het dorp', 'Woont aan de [adres] in het dorp', 'adres'],
		['Woont aan de Van Goghlaan 3', 'Woont aan de [adres]', 'adres']
	])('%s', (input, output, kind) => {
		const result = scrub(input);
		expect(result.text).toBe(output);
		expect(result.found).toEqual([kind]);
	});

	it('keeps a random nine-digit number that fails the eleven test, and ordinary numbers', () => {
		expect(passesElfproef('123456789')).toBe(false);
		const result = scrub('Ordernummer 123456789, 24 uur per week, sinds 2019 in de wijk.');
		expect(result.text).toBe('Ordernummer 123456789, 24 uur per week, sinds 2019 in de wijk.');
		expect(result.found).toEqual([]);
	});

	it("removes every name from the row's own name columns, case-insensitively, not particles", () => {
		const result = scrubText('Marieke werkt graag. Mevrouw De Vries en marieke de vries zijn één.', {
			names: ['Marieke de Vries', 'Marieke Anna', 'de Vries'],
			literals: []
		});
		expect(result.text).toBe('[naam] werkt graag. Mevrouw [naam] en [naam] zijn één.');
		expect(result.found).toEqual(['naam']);
	});

	it("removes the row's own personal values (klantnummer, town) as whole words", () => {
		const result = scrubText('Klant K-77812 uit Emmen, niet Emmenaar.', {
			names: [],
			literals: ['K-77812', 'Emmen']
		});
		expect(result.text).toBe('Klant [persoonsgegeven] uit [persoonsgegeven], niet Emmenaar.');
	});

	it('leaves a clean text alone', () => {
		expect(scrub('Gemotiveerd, werkt graag met mensen, 16 tot 24 uur.')).toEqual({
			text: 'Gemotiveerd, werkt graag met mensen, 16 tot 24 uur.',
			found: []
		});
	});
});

describe('scrubText: the forms people really write', () => {
	it.each([
		// Phone numbers with any separator, prefix and the letter O for zero.
		['Bel 06.12.34.56.78 gerust', 'telefoon'],
		['Bel 06–12345678 gerust', 'telefoon'],
		['Bel (06) 123 456 78 gerust', 'telefoon'],
		['Bel 06/12345678 gerust', 'telefoon'],
		['Bel O6-1234 5678 gerust', 'telefoon'],
		['Bel +31-6-12-34-56-78 gerust', 'telefoon'],
		['Bel 0031 (0)6 12345678 gerust', 'telefoon'],
		['Bel +32 470 12 34 56 gerust', 'telefoon'],
		['Bel +49 151 23456789 gerust', 'telefoon'],
		['Bel nul zes een twee drie vier vijf zes zeven acht gerust', 'telefoon'],
		// Obfuscated e-mail, handles, links with any TLD.
		['Mail jan at gmail punt com gerust', 'e-mail'],
		['Mail jan[at]gmail[dot]com gerust', 'e-mail'],
		['Mail jan (at) hotmail.nl gerust', 'e-mail'],
		['Mail jan @ gmail . com gerust', 'e-mail'],
		['Volg @jan_de_vries87 gerust', 'handle'],
		['Insta: jantje.werkt gerust', 'handle'],
		['Zie janbouwt.shop gerust', 'link'],
		['Zie portfolio.jan.design/werk gerust', 'link'],
		['Zie http://x.co gerust', 'link'],
		// Licence plates of several sidecodes.
		['Auto 12-ABC-3 gerust', 'kenteken'],
		['Auto AB-12-CD gerust', 'kenteken'],
		['Auto 1-KBB-23 gerust', 'kenteken'],
		['Auto XX-999-X gerust', 'kenteken'],
		['Auto GB 123 X gerust', 'kenteken'],
		['Auto 99-XX-99 gerust', 'kenteken'],
		// BSN of 8 or 9 digits with separators.
		['BSN 11122.2333 gerust', 'bsn'],
		['BSN 111-222-333 gerust', 'bsn'],
		['BSN 12345672 gerust', 'bsn'],
		// Lower-case postcodes.
		['Woont 1234ab gerust', 'postcode'],
		['Woont 1234 ab gerust', 'postcode'],
		// Ages and birth dates in words.
		['Zegt: ik ben 47 gerust', 'leeftijd'],
		['Een man van 47 jaar oud gerust', 'leeftijd'],
		['Een 52-jarige gerust', 'leeftijd'],
		['Werkt sinds mijn 50e gerust', 'leeftijd'],
		['Ik ben zevenenveertig gerust', 'leeftijd'],
		['Geboren op twaalf maart negentienvijfenzeventig gerust', 'geboortedatum'],
		['Geboren in 1975 gerust', 'geboortedatum'],
		['Jarig op twaalf maart gerust', 'datum']
	])('%s', (input, kind) => {
		const result = scrub(input);
		expect(result.found).toEqual([kind]);
		expect(result.text).toMatch(new RegExp(`\\[${kind}\\] ?gerust$`));
	});

	it.each([
		'Werkt 24 uur per week, sinds 2019 en wil 16 tot 24 uur.',
		'Heeft 10 jaar ervaring in de bouw.',
		'Het aantal uren is 16 tot 24.',
		'Werkt graag met MS Office en Excel.',
		'Heeft mbo-2 en hbo 24 u studie.',
		'Werkt prettig samen; is zestien keer op tijd gekomen.',
		'Werkte bij de bakker.Hij was blij.'
	])('leaves an ordinary sentence alone: %s', (input) => {
		expect(scrub(input)).toEqual({ text: input, found: [] });
	});

	it('matches names whatever the Unicode form, with İ elsewhere in the text', () => {
		const result = scrubText('İstanbul is ver. Jose\u0301 en Jose werken. ZOË ook.', {
			names: ['Jose\u0301 Zoë'.normalize('NFD')],
			literals: []
		});
		expect(result.text).toBe('İstanbul is ver. [naam] en [naam] werken. [naam] ook.');
	});

	it('finds name variants: possessive, diminutive, double names, tussenvoegsels', () => {
		const result = scrubText(
			"Jans moeder, Jantje, Kees' fiets, Anne en Marie, vd Berg en v.d. Berg en Van den Berg.",
			{ names: ['Jan', 'Kees', 'Anne-Marie', 'van den Berg'], literals: [] }
		);
		expect(result.text).toBe(
			'[naam] moeder, [naam], [naam] fiets, [naam] en [naam], [naam] en [naam] en [naam].'
		);
	});
});
