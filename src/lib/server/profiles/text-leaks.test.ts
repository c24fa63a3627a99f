import { describe, expect, it } from 'vitest';
import { finestLevels, type Field, type Levels, type QuasiIdentifiers } from './quasi-identifiers';
import { textRestatesWithheld } from './text-leaks';

const qi: QuasiIdentifiers = {
	ref: 'KV-2222-2222',
	municipality: 'GM0096', // Vlieland
	region: 'AM02',
	education: 'mbo-2',
	licences: ['B', 'C'],
	transport: ['auto'],
	travelKm: 15,
	hours: '20-28',
	availability: 'direct',
	updated: '2026-10',
	dayParts: ['ochtend'],
	sectors: [],
	experience: []
};

/** Fields coarsened one level, the rest at their finest. */
const at = (...fields: Field[]): Levels => ({
	...finestLevels(),
	...Object.fromEntries(fields.map((f) => [f, 1]))
});

describe('textRestatesWithheld', () => {
	it('lets every text through when nothing was generalised', () => {
		expect(textRestatesWithheld('Woont op Vlieland, heeft rijbewijs C en mbo 2.', qi, at())).toBe(false);
	});

	it('holds back a text naming the home municipality once only the region is published', () => {
		expect(textRestatesWithheld('Woont op Vlieland en fietst graag.', qi, at('location'))).toBe(true);
		expect(textRestatesWithheld('Woont op vlieland.', qi, at('location'))).toBe(true);
		expect(textRestatesWithheld('Wil graag in de horeca werken.', qi, at('location'))).toBe(false);
	});

	it('holds back the exact education level once only the group is published', () => {
		expect(textRestatesWithheld('Heeft een mbo-2 diploma logistiek.', qi, at('education'))).toBe(true);
		expect(textRestatesWithheld('Heeft niveau 2 gehaald.', qi, at('education'))).toBe(true);
		expect(textRestatesWithheld('Heeft een mbo-2 diploma logistiek.', qi, at('location'))).toBe(false);
	});

	it('holds back licence categories once only "has a licence" is published', () => {
		expect(textRestatesWithheld('Heeft een rijbewijs B.', qi, at('mobility'))).toBe(true);
		expect(textRestatesWithheld('Heeft een C-rijbewijs.', qi, at('mobility'))).toBe(true);
		expect(textRestatesWithheld('Heeft een vrachtwagenrijbewijs.', qi, at('mobility'))).toBe(true);
		expect(textRestatesWithheld('Heeft een rijbewijs.', qi, at('mobility'))).toBe(false);
	});

	it('holds back the vehicle once licence and transport are coarsened together', () => {
		expect(textRestatesWithheld('Komt met de auto.', qi, at('mobility'))).toBe(true);
		expect(textRestatesWithheld('Komt met de auto.', qi, at())).toBe(false);
	});

	it('holds back exact hours once only a coarse band is published', () => {
		expect(textRestatesWithheld('Wil 24 uur per week werken.', qi, at('hours'))).toBe(true);
		expect(textRestatesWithheld('Wil 24 uur per week werken.', qi, at())).toBe(false);
	});

	it('holds back an exact travel distance once distances are coarsened', () => {
		expect(textRestatesWithheld('Reist maximaal 12 km.', qi, at('travel'))).toBe(true);
		expect(textRestatesWithheld('Reist graag met de fiets.', qi, at('travel'))).toBe(false);
	});

	it('knows Den Haag by both its names', () => {
		const haag = { ...qi, municipality: 'GM0518' };
		expect(textRestatesWithheld("Komt uit 's-Gravenhage.", haag, at('location'))).toBe(true);
		expect(textRestatesWithheld('Komt uit Den Haag.', haag, at('location'))).toBe(true);
	});
});
