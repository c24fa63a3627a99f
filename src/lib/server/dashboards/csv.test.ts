import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
	it('writes what Dutch Excel opens: BOM, semicolons, CRLF, quotes only where needed', () => {
		const text = toCsv(
			['Gemeente', 'Totaal', 'Percentage'],
			[
				['Borger-Odoorn', 304, 60.5],
				['Zeg "hallo"; dag', 1624, null],
				['Bergen (NH.)', 0, 12]
			]
		);
		expect(text.startsWith('\uFEFF')).toBe(true);
		expect(text.slice(1).split('\r\n')).toEqual([
			'Gemeente;Totaal;Percentage',
			'Borger-Odoorn;304;60,5',
			'"Zeg ""hallo""; dag";1624;',
			'Bergen (NH.);0;12',
			''
		]);
		expect(text.replace(/\r\n/g, '')).not.toContain('\n');
	});

	it('quotes line breaks and defuses formulas', () => {
		const text = toCsv(['a'], [['twee\nregels'], ['=SOM(A1)'], ['-3'], [-3]]);
		expect(text.slice(1).split('\r\n')).toEqual(['a', '"twee\nregels"', "'=SOM(A1)", "'-3", '-3', '']);
	});

	it('puts footnotes after a blank line', () => {
		expect(toCsv(['a'], [[1]], ['<10: 1 tot en met 9']).slice(1)).toBe(
			'a\r\n1\r\n\r\n<10: 1 tot en met 9\r\n'
		);
	});
});
