import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anonymise } from './anonymise';
import { smallestClass } from './k-check';
import type { CandidateProfile } from './candidate-record';
import { toProfileDocument, quasiIdentifiersOf, type PublishableCandidate } from './public-profile';
import { municipalities } from './reference';

// A few big towns and some of the smallest municipalities (Schiermonnikoog, Vlieland, Rozendaal).
const PLACES = ['GM0363', 'GM0599', 'GM0114', 'GM0088', 'GM0096', 'GM0277', 'GM0109', 'GM1690'];
const EDUCATION = ['geen', 'vso', 'vmbo-bk', 'mbo-1', 'mbo-2', 'mbo-4', 'hbo', 'wo', 'onbekend'];

const candidateArb = fc.record({
	municipality: fc.constantFrom(...PLACES),
	education: fc.constantFrom(...EDUCATION),
	licences: fc.subarray(['AM', 'B', 'BE', 'C', 'T']),
	travelKm: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null })
});

function candidate(
	i: number,
	c: { municipality: string; education: string; licences: string[]; travelKm: number | null }
): PublishableCandidate {
	const profile: CandidateProfile = {
		education: c.education,
		sectors: ['logistiek-transport'],
		affinities: ['in-een-team'],
		competences: [],
		experience: [],
		tasks: { taak_06: 'ja' },
		hoursMin: 16,
		hoursMax: 24,
		availableFrom: '2025-04-01',
		dayParts: [],
		travelKm: c.travelKm,
		transport: [],
		licences: c.licences
	};
	return {
		publicRef: testRef(i),
		municipalityCode: c.municipality,
		regionCode: municipalities.get(c.municipality)!.region,
		profile,
		profileText: '',
		profileTextState: 'none',
		sourceUpdatedAt: '2025-03-01',
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
	const { levels, suppressed } = anonymise(candidates.map(quasiIdentifiersOf), k);
	const docs = candidates
		.filter((c) => levels.has(c.publicRef))
		.map((c) => toProfileDocument(c, levels.get(c.publicRef)!));
	return { docs, suppressed };
}

describe('k-anonymity of the published set', () => {
	it('every combination of published quasi-identifiers is shared by at least k documents', () => {
		fc.assert(
			fc.property(fc.array(candidateArb, { maxLength: 300 }), fc.integer({ min: 2, max: 8 }), (rows, k) => {
				const candidates = rows.map((row, i) => candidate(i, row));
				const { docs, suppressed } = publish(candidates, k);
				expect(docs.length + suppressed.length).toBe(candidates.length);
				if (docs.length > 0) expect(smallestClass(docs)).toBeGreaterThanOrEqual(k);
			}),
			{ numRuns: 150 }
		);
	});

	it('generalises before it suppresses: a tiny municipality is published at region level', () => {
		const rows = [
			...Array.from({ length: 4 }, () => ({
				municipality: 'GM0088',
				education: 'mbo-2',
				licences: [],
				travelKm: 10
			})),
			...Array.from({ length: 3 }, () => ({
				municipality: 'GM0096',
				education: 'mbo-2',
				licences: [],
				travelKm: 10
			}))
		];
		const { docs, suppressed } = publish(
			rows.map((row, i) => candidate(i, row)),
			5
		);
		expect(suppressed).toEqual([]);
		expect(docs.every((d) => d.municipality === null && d.region === 'AM02')).toBe(true);
		expect(docs[0].reachableMunicipalities).not.toContain('GM0088');
	});

	it('borrows members from a large class rather than suppress a small one', () => {
		const rows = [
			...Array.from({ length: 9 }, () => ({
				municipality: 'GM0114',
				education: 'mbo-2',
				licences: ['B'],
				travelKm: 10
			})),
			...Array.from({ length: 2 }, () => ({
				municipality: 'GM0109',
				education: 'mbo-2',
				licences: ['B'],
				travelKm: 10
			}))
		];
		const { docs, suppressed } = publish(
			rows.map((row, i) => candidate(i, row)),
			5
		);
		expect(suppressed).toEqual([]);
		expect(docs.filter((d) => d.municipality === 'GM0114')).toHaveLength(6);
		expect(docs.filter((d) => d.municipality === null)).toHaveLength(5);
	});

	it('suppresses only what no generalisation can hide', () => {
		const rows = [{ municipality: 'GM0363', education: 'wo', licences: ['C'], travelKm: 60 }];
		expect(
			publish(
				rows.map((row, i) => candidate(i, row)),
				5
			).suppressed
		).toHaveLength(1);
	});
});
