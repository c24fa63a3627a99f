import { describe, expect, it } from 'vitest';
import type { QuasiIdentifiers } from './quasi-identifiers';
import { textRestatesWithheld } from './text-leaks';

const qi: QuasiIdentifiers = {
	ref: 'KV-2222-2222',
	municipality: 'GM0096', // Vlieland
	region: 'AM02',
	education: 'mbo-2',
	licences: ['B', 'C'],
	travelKm: 15
};

describe('textRestatesWithheld', () => {
	it('lets every text through when nothing was generalised', () => {
		expect(textRestatesWithheld('Woont op Vlieland, heeft rijbewijs C en mbo 2.', qi, 0)).toBe(false);
	});

	it('holds back a text naming the home municipality once only the region is published', () => {
		expect(textRestatesWithheld('Woont op Vlieland en fietst graag.', qi, 1)).toBe(true);
		expect(textRestatesWithheld('Woont op vlieland.', qi, 1)).toBe(true);
		expect(textRestatesWithheld('Wil graag in de horeca werken.', qi, 1)).toBe(false);
	});

	it('holds back the exact education level once only the group is published', () => {
		expect(textRestatesWithheld('Heeft een mbo-2 diploma logistiek.', qi, 2)).toBe(true);
		expect(textRestatesWithheld('Heeft niveau 2 gehaald.', qi, 2)).toBe(true);
		expect(textRestatesWithheld('Heeft een mbo-2 diploma logistiek.', qi, 1)).toBe(false);
	});

	it('holds back licence categories once only "has a licence" is published', () => {
		expect(textRestatesWithheld('Heeft een rijbewijs B.', qi, 3)).toBe(true);
		expect(textRestatesWithheld('Heeft een C-rijbewijs.', qi, 3)).toBe(true);
		expect(textRestatesWithheld('Heeft een vrachtwagenrijbewijs.', qi, 3)).toBe(true);
		expect(textRestatesWithheld('Heeft een rijbewijs.', qi, 3)).toBe(false);
	});

	it('holds back an exact travel distance once distances are coarsened', () => {
		expect(textRestatesWithheld('Reist maximaal 12 km.', qi, 4)).toBe(true);
		expect(textRestatesWithheld('Reist graag met de fiets.', qi, 4)).toBe(false);
	});

	it('knows Den Haag by both its names', () => {
		const haag = { ...qi, municipality: 'GM0518' };
		expect(textRestatesWithheld("Komt uit 's-Gravenhage.", haag, 1)).toBe(true);
		expect(textRestatesWithheld('Komt uit Den Haag.', haag, 1)).toBe(true);
	});
});
