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
			'Geboren 12-03-1985 en gestart 2024-01-15 of 3 maart 2020',
			'Geboren [datum] en gestart [datum] of [datum]',
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
