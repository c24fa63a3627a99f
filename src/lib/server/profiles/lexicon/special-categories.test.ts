import { describe, expect, it } from 'vitest';
import { findSpecialCategories, SPECIAL_CATEGORIES } from './special-categories';

const categoriesIn = (text: string) => [...new Set(findSpecialCategories(text).map((h) => h.category))];

describe('the special-category lexicon (AVG art. 9 and 10)', () => {
	it.each([
		['Heeft autisme en ADHD.', 'gezondheid'],
		['Is autistisch.', 'gezondheid'],
		['Had een burn-out en een depressie.', 'gezondheid'],
		['Heeft NAH na een CVA.', 'gezondheid'],
		['Gebruikt medicatie voor epilepsie.', 'gezondheid'],
		['Heeft een licht verstandelijke beperking.', 'gezondheid'],
		['Krijgt een Wajong-uitkering.', 'gezondheid'],
		['Is onder behandeling bij Parnassia.', 'zorgaanbieder'],
		['Was in behandeling bij de GGZ.', 'zorgaanbieder'],
		['Kwam via Jellinek en Tactus verslavingszorg.', 'zorgaanbieder'],
		['Gaat elke vrijdag naar de moskee.', 'religie'],
		['Is christelijk en draagt een hoofddoek.', 'religie'],
		['Is statushouder uit Syrië.', 'afkomst'],
		['Heeft de Marokkaanse nationaliteit.', 'afkomst'],
		['Is homoseksueel.', 'seksualiteit'],
		['Is non-binair.', 'seksualiteit'],
		['Is lid van de FNV.', 'lidmaatschap'],
		['Zit voor de PVV in de gemeenteraad.', 'lidmaatschap'],
		['Heeft een strafblad en staat onder toezicht van de reclassering.', 'strafrecht'],
		['Heeft geen VOG gekregen na detentie.', 'strafrecht']
	])('%s → %s', (text, category) => {
		expect(categoriesIn(text)).toContain(category);
	});

	it('matches whatever the case and Unicode form', () => {
		expect(categoriesIn('HEEFT AUTISME')).toEqual(['gezondheid']);
		expect(categoriesIn('Is atheïst'.normalize('NFD'))).toEqual(['religie']);
		expect(categoriesIn('İstanbul; heeft diabetes')).toEqual(['gezondheid']);
	});

	it('does not flag ordinary job words', () => {
		for (const text of [
			'Werkt graag in transport en logistiek.',
			'Kent MS Office en Excel.',
			'Is zelfstandig, flexibel en klantvriendelijk.',
			'Wil in de bediening of de keuken werken.',
			'Heeft een rijbewijs B en een eigen auto.'
		]) {
			expect(findSpecialCategories(text)).toEqual([]);
		}
	});

	it('gives every category a label, an article and terms, as data', () => {
		expect(SPECIAL_CATEGORIES.map((c) => c.code)).toEqual([
			'gezondheid',
			'zorgaanbieder',
			'religie',
			'afkomst',
			'seksualiteit',
			'lidmaatschap',
			'strafrecht'
		]);
		for (const c of SPECIAL_CATEGORIES) {
			expect(c.label).not.toBe('');
			expect(['9', '10']).toContain(c.article);
			expect(c.terms.length).toBeGreaterThan(5);
		}
	});
});
