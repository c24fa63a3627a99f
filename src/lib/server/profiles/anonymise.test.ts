import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anonymise } from './anonymise';
import { checkKAnonymity } from './k-check';
import type { CandidateProfile } from './candidate-record';
import { toProfileDocument, quasiIdentifiersOf, type PublishableCandidate } from './public-profile';
import { municipalities } from './reference';

// A few big towns and some of the smallest municipalities (Schiermonnikoog, Vlieland, Rozendaal).
const PLACES = ['GM0363', 'GM0599', 'GM0114', 'GM0088', 'GM0096', 'GM0277', 'GM0109', 'GM1690'];
const EDUCATION = ['geen', 'vso', 'vmbo-bk', 'mbo-1', 'mbo-2', 'mbo-4', 'hbo', 'wo', 'onbekend'];
const SECTORS = ['logistiek-transport', 'horeca-keuken', 'ict', 'bouw-infra', 'zorg-welzijn'];
const NOW = new Date('2026-03-15T10:00:00Z');

interface Row {
	municipality: string;
	education: string;
	licences: string[];
	transport: string[];
	travelKm: number | null;
	hoursMin: number | null;
	hoursMax: number | null;
	availableFrom: string | null;
	updated: string;
	dayParts: string[];
	sectors: string[];
	experience: string[];
}

const day = fc
	.integer({ min: -400, max: 400 })
	.map((d) => new Date(NOW.getTime() + d * 86_400_000).toISOString().slice(0, 10));

const rowArb: fc.Arbitrary<Row> = fc.record({
	municipality: fc.constantFrom(...PLACES),
	education: fc.constantFrom(...EDUCATION),
	licences: fc.subarray(['AM', 'B', 'BE', 'C', 'T']),
	transport: fc.subarray(['fiets', 'ov', 'auto', 'scooter', 'lopend']),
	travelKm: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
	hoursMin: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
	hoursMax: fc.option(fc.integer({ min: 40, max: 60 }), { nil: null }),
	availableFrom: fc.option(day, { nil: null }),
	updated: day,
	dayParts: fc.subarray(['ma-ochtend', 'di-middag', 'wo-avond', 'za-ochtend', 'zo-avond']),
	sectors: fc.subarray(SECTORS, { minLength: 1 }),
	experience: fc.subarray(SECTORS)
});

function candidate(i: number, c: Row): PublishableCandidate {
	const profile: CandidateProfile = {
		education: c.education,
		sectors: c.sectors,
		affinities: ['in-een-team'],
		competences: [],
		experience: c.experience,
		tasks: { taak_06: 'ja' },
		hoursMin: c.hoursMin,
		hoursMax: c.hoursMax,
		availableFrom: c.availableFrom,
		dayParts: c.dayParts,
		travelKm: c.travelKm,
		transport: c.transport,
		licences: c.licences
	};
	return {
		publicRef: testRef(i),
		municipalityCode: c.municipality,
		regionCode: municipalities.get(c.municipality)!.region,
		profile,
		profileText: '',
		profileTextState: 'none',
		sourceUpdatedAt: c.updated,
		firstPublishedAt: null
	};
}

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
function testRef(i: number): string {
	let code = '';
	for (let n = i, d = 0; d < 4; d++, n = Math.floor(n / 32)) code = ALPHABET[n % 32] + code;
	return `KV-${code}-TEST`;
}

function publish(candidates: PublishableCandidate[], k: number) {
	const { published, suppressed } = anonymise(
		candidates.map((c) => quasiIdentifiersOf(c, NOW)),
		k
	);
	const docs = candidates
		.filter((c) => published.has(c.publicRef))
		.map((c) => toProfileDocument(c, published.get(c.publicRef)!, NOW));
	return { docs, suppressed };
}

const same = (overrides: Partial<Row> = {}): Row => ({
	municipality: 'GM0114',
	education: 'mbo-2',
	licences: [],
	transport: ['fiets'],
	travelKm: 10,
	hoursMin: 16,
	hoursMax: 24,
	availableFrom: '2026-03-01',
	updated: '2026-02-10',
	dayParts: ['ma-ochtend'],
	sectors: ['logistiek-transport'],
	experience: [],
	...overrides
});

describe('k-anonymity of the published set', () => {
	it('every combination of every published single-valued field, and every sector or experience item with location and education, is shared by at least k', () => {
		fc.assert(
			fc.property(fc.array(rowArb, { maxLength: 400 }), fc.integer({ min: 2, max: 8 }), (rows, k) => {
				const candidates = rows.map((row, i) => candidate(i, row));
				const { docs, suppressed } = publish(candidates, k);
				expect(docs.length + suppressed.length).toBe(candidates.length);
				const check = checkKAnonymity(docs, k);
				expect(check.profilesBelowK).toBe(0);
				expect(check.itemsBelowK).toBe(0);
				// Suppression is the last resort: only a region with fewer than k candidates.
				for (const ref of suppressed) {
					const region = candidates.find((c) => c.publicRef === ref)!.regionCode;
					expect(candidates.filter((c) => c.regionCode === region).length).toBeLessThan(k);
				}
			}),
			{ numRuns: 120 }
		);
	});

	it('publishes a group of identical candidates at full detail', () => {
		const { docs } = publish(
			Array.from({ length: 6 }, (_, i) => candidate(i, same())),
			5
		);
		expect(docs).toHaveLength(6);
		for (const d of docs) {
			expect(d).toMatchObject({
				municipality: 'GM0114',
				educationLevel: 'mbo-2',
				hoursBand: '12-20',
				availability: 'direct',
				dayParts: ['ochtend'],
				updatedPeriod: '2026-02',
				travelDistanceKm: 10,
				sectors: ['logistiek-transport']
			});
			expect(d).not.toHaveProperty('availableFrom');
		}
	});

	it('generalises before it suppresses: a tiny municipality is published at region level', () => {
		const rows = [
			...Array.from({ length: 4 }, () => same({ municipality: 'GM0088' })),
			...Array.from({ length: 3 }, () => same({ municipality: 'GM0096' }))
		];
		const { docs, suppressed } = publish(
			rows.map((row, i) => candidate(i, row)),
			5
		);
		expect(suppressed).toEqual([]);
		expect(docs.every((d) => d.municipality === null && d.region === 'AM02')).toBe(true);
		expect(docs[0].reachableMunicipalities).not.toContain('GM0088');
	});

	it('keeps the municipality of a large group and puts the rest together at region level', () => {
		const rows = [
			...Array.from({ length: 9 }, () => same()),
			...Array.from({ length: 2 }, () => same({ municipality: 'GM0109' }))
		];
		const { docs, suppressed } = publish(
			rows.map((row, i) => candidate(i, row)),
			5
		);
		expect(suppressed).toEqual([]);
		expect(docs.filter((d) => d.municipality === 'GM0114')).toHaveLength(6);
		expect(docs.filter((d) => d.municipality === null)).toHaveLength(5);
	});

	it('coarsens licence and transport together, so "auto" never gives licence B back', () => {
		const rows = [
			...Array.from({ length: 5 }, () => same({ licences: ['B'], transport: ['auto', 'fiets'] })),
			...Array.from({ length: 2 }, () => same({ licences: ['AM'], transport: ['fiets', 'scooter'] }))
		];
		const { docs } = publish(
			rows.map((row, i) => candidate(i, row)),
			5
		);
		for (const d of docs) {
			if (d.driversLicence.length === 0) {
				expect(d.transport).not.toContain('auto');
				expect(d.transport).not.toContain('scooter');
			}
		}
		expect(docs.some((d) => d.transport.includes('gemotoriseerd'))).toBe(true);
	});

	it('hides a rare wished sector on the profile instead of suppressing the profile', () => {
		const rows = [
			...Array.from({ length: 5 }, () => same()),
			same({ sectors: ['logistiek-transport', 'ict'], experience: ['ict'] })
		];
		const { docs, suppressed } = publish(
			rows.map((row, i) => candidate(i, row)),
			5
		);
		expect(suppressed).toEqual([]);
		expect(docs).toHaveLength(6);
		expect(docs.every((d) => !d.sectors.includes('ict') && !d.experience.includes('ict'))).toBe(true);
		expect(docs.every((d) => !d.title.toLowerCase().includes('ict'))).toBe(true);
	});

	it('suppresses only a region with fewer than k candidates', () => {
		expect(publish([candidate(0, same({ municipality: 'GM0363' }))], 5).suppressed).toHaveLength(1);
	});
});
