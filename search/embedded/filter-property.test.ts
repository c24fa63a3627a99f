import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProfileDocument } from '../document';
import { isPagedResult, type FilterInput } from '../engine';
import { leafValues, matchesDocument } from '../filter/matches-document';
import { parseFilter } from '../filter/parse';
import { normalizeFacetValue } from '../filter/ast';
import { FIXTURE_DOCUMENTS } from '../conformance/fixture-documents';
import { createEmbeddedEngine } from './embedded-engine';

// Small value domains (with case variants) so random filters actually hit random documents.
const SECTORS = ['zorg', 'Zorg', 'bouw', 'ict', 'horeca'];
const REGIONS = ['AM01', 'am02', 'Rijnmond', 'Kolon: waarde'];
const MUNICIPALITIES = ['GM0363', 'GM0599', null];
const LICENCES = ['B', 'C', 'BE'];
const HOURS = [0, 4, 8, 12, 16, 20, 24, 32, 40];

const documentArb = (i: number) =>
	fc
		.record({
			sectors: fc.subarray(SECTORS),
			region: fc.constantFrom(...REGIONS),
			municipality: fc.constantFrom(...MUNICIPALITIES),
			hours: fc.tuple(fc.constantFrom(...HOURS), fc.constantFrom(...HOURS)),
			travelDistanceKm: fc.constantFrom(5, 10, 25),
			driversLicence: fc.subarray(LICENCES),
			geo: fc.record({
				lat: fc.double({ min: 51, max: 53, noNaN: true }),
				lng: fc.double({ min: 4, max: 6, noNaN: true })
			})
		})
		.map(
			({ sectors, region, municipality, hours, travelDistanceKm, driversLicence, geo }): ProfileDocument => {
				const [low, high] = hours[0] <= hours[1] ? hours : [hours[1], hours[0]];
				return {
					...FIXTURE_DOCUMENTS[0],
					id: `P-${i}`,
					sectors,
					region,
					municipality,
					hoursPerWeek: [low, high],
					hoursMin: low,
					hoursMax: high,
					travelDistanceKm,
					driversLicence,
					hasDriversLicence: driversLicence.length > 0,
					_geo: geo
				};
			}
		);

const documentsArb = fc
	.integer({ min: 0, max: 30 })
	.chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => documentArb(i))));

const quote = (v: string) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
const number = fc.constantFrom(...HOURS, 6, 30);
const leafArb: fc.Arbitrary<string> = fc.oneof(
	fc
		.tuple(fc.constantFrom('=', '!='), fc.constantFrom(...SECTORS, 'ZORG'))
		.map(([op, v]) => `sectors ${op} ${quote(v)}`),
	fc.tuple(fc.constantFrom('>=', '<=', '>', '<', '='), number).map(([op, n]) => `"hoursPerWeek"${op}${n}`),
	fc.tuple(number, number).map(([a, b]) => `hoursPerWeek ${Math.min(a, b)} TO ${Math.max(a, b)}`),
	fc
		.tuple(fc.constantFrom('>=', '<', '='), fc.constantFrom(5, 10, 25))
		.map(([op, n]) => `travelDistanceKm ${op} ${n}`),
	fc.subarray(REGIONS, { minLength: 1 }).map((values) => `region IN [${values.map(quote).join(', ')}]`),
	fc.subarray(REGIONS, { minLength: 1 }).map((values) => `region NOT IN [${values.map(quote).join(', ')}]`),
	fc.constantFrom(
		'municipality IS NULL',
		'municipality IS NOT NULL',
		'municipality EXISTS',
		'municipality = GM0363',
		'municipality != GM0599'
	),
	fc.constantFrom(
		'driversLicence IS EMPTY',
		'driversLicence = b',
		'hasDriversLicence = true',
		'hasDriversLicence = "FALSE"'
	),
	fc
		.tuple(
			fc.constantFrom('sectors', 'region', 'driversLicence', 'hasDriversLicence', 'hoursPerWeek'),
			fc.constantFrom('STARTS WITH', 'NOT STARTS WITH'),
			fc.constantFrom('zo', 'ZO', 'am', 'Kolon', 'b', '1', 'tr')
		)
		.map(([attribute, op, v]) => `${attribute} ${op} ${quote(v)}`),
	fc.constantFrom('_geoRadius(52, 5, 50000)', '_geoBoundingBox([52.5, 5.5], [51.5, 4.5])')
);
const expressionArb: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
	expr: fc.oneof(
		{ depthSize: 'small', withCrossShrink: true },
		leafArb,
		fc
			.tuple(tie('expr'), fc.constantFrom('AND', 'OR'), tie('expr'))
			.map(([a, op, b]) => `(${a}) ${op} (${b})`),
		tie('expr').map((e) => `NOT (${e})`)
	)
})).expr;
const filterArb: fc.Arbitrary<FilterInput> = fc.oneof(
	expressionArb,
	fc.array(fc.oneof(expressionArb, fc.array(expressionArb, { minLength: 1, maxLength: 3 })), { maxLength: 4 })
);

const FACETS = ['sectors', 'hoursPerWeek', 'region', 'hasDriversLicence', 'municipality'];

function bruteForceFacets(docs: readonly ProfileDocument[]) {
	const distribution: Record<string, Record<string, number>> = {};
	const stats: Record<string, { min: number; max: number }> = {};
	for (const facet of FACETS) {
		const counts: Record<string, number> = {};
		for (const doc of docs) {
			const leaves = leafValues(doc as unknown as Record<string, unknown>, facet) ?? [];
			for (const key of new Set(
				leaves.map((l) => (typeof l === 'string' ? normalizeFacetValue(l) : String(l)))
			)) {
				counts[key] = (counts[key] ?? 0) + 1;
			}
			for (const leaf of leaves) {
				if (typeof leaf !== 'number') continue;
				stats[facet] = {
					min: Math.min(stats[facet]?.min ?? leaf, leaf),
					max: Math.max(stats[facet]?.max ?? leaf, leaf)
				};
			}
		}
		distribution[facet] = counts;
	}
	return { distribution, stats };
}

const lowerKeys = (d: Record<string, Record<string, number>> = {}) =>
	Object.fromEntries(
		Object.entries(d).map(([facet, values]) => [
			facet,
			Object.fromEntries(Object.entries(values).map(([k, v]) => [k.toLowerCase(), v]))
		])
	);

describe('embedded engine against a brute-force evaluation', () => {
	it('returns exactly the documents the filter matches, with exact facet counts and stats', async () => {
		await fc.assert(
			fc.asyncProperty(documentsArb, filterArb, async (docs, filter) => {
				const engine = createEmbeddedEngine({ documents: docs });
				const node = parseFilter(filter);
				const expected = docs.filter(
					(d) => !node || matchesDocument(node, d as unknown as Record<string, unknown>)
				);
				const [result] = (
					await engine.multiSearch({
						queries: [{ indexUid: 'profiles', filter, facets: FACETS, limit: 1000 }]
					})
				).results;
				expect(result.hits.map((h) => h.id).sort()).toEqual(expected.map((d) => d.id).sort());
				expect(isPagedResult(result) ? result.totalHits : result.estimatedTotalHits).toBe(expected.length);
				const brute = bruteForceFacets(expected);
				expect(lowerKeys(result.facetDistribution)).toEqual(brute.distribution);
				expect(result.facetStats).toEqual(brute.stats);
			}),
			{ numRuns: 300 }
		);
	});

	it('NOT of any filter is its exact complement', async () => {
		await fc.assert(
			fc.asyncProperty(documentsArb, expressionArb, async (docs, expression) => {
				const engine = createEmbeddedEngine({ documents: docs });
				const run = async (filter: string) =>
					(
						await engine.multiSearch({ queries: [{ indexUid: 'profiles', filter, limit: 1000 }] })
					).results[0].hits.map((h) => h.id);
				const inside = await run(expression);
				const outside = await run(`NOT (${expression})`);
				expect([...inside, ...outside].sort()).toEqual(docs.map((d) => d.id).sort());
				expect(inside.filter((id) => outside.includes(id))).toEqual([]);
			}),
			{ numRuns: 150 }
		);
	});
});
