import { describe, expect, it } from 'vitest';
import { PROFILE_INDEX } from '../index-definition';
import { haversineMeters } from '../geo';
import { randomProfileDocuments, seededRandom } from '../testing/random-documents';
import { createEmbeddedEngine } from './embedded-engine';
import { denseRanks } from './rank';

describe('denseRanks', () => {
	it('replaces keys by their rank among the distinct keys, keeping their order', () => {
		const keys = new Float64Array([2 ** 60, 7, 2 ** 60 + 2 ** 10, 7, -1, 99, 0]);
		expect(denseRanks(keys, 6)).toBe(5);
		expect([...keys]).toEqual([3, 1, 4, 1, 0, 2, 0]);
	});
});

describe('ranking whose packed key would not fit a double', () => {
	// Every searchable attribute the same, so all text rules tie and the sort decides: four words times
	// typo, proximity and attribute, metres and dates, times 3,000 candidates is far past 2^53.
	const rnd = seededRandom(9);
	const shared = randomProfileDocuments(1, 2)[0];
	const documents = randomProfileDocuments(3000, 4).map((d, i) => {
		const copy: Record<string, unknown> = { ...d, updatedAt: 1_700_000_000 + (i % 997) * 3600 };
		for (const attribute of PROFILE_INDEX.searchableAttributes) copy[attribute] = shared[attribute];
		copy.title = 'Magazijn medewerker orderpicken inpakken';
		copy._geo = { lat: 50.8 + rnd() * 2.6, lng: 3.4 + rnd() * 3.6 };
		return copy as unknown as typeof d;
	});
	const engine = createEmbeddedEngine({ documents });
	const from = { lat: 52.09, lng: 5.12 };
	const metres = (d: (typeof documents)[number]) =>
		Math.round(haversineMeters(from.lat, from.lng, d._geo!.lat, d._geo!.lng));

	it.each([
		[
			['_geoPoint(52.09,5.12):asc'],
			(a: (typeof documents)[number], b: (typeof documents)[number]) => metres(a) - metres(b)
		],
		[
			['_geoPoint(52.09,5.12):asc', 'updatedAt:desc'],
			(a: (typeof documents)[number], b: (typeof documents)[number]) =>
				metres(a) - metres(b) || b.updatedAt - a.updatedAt
		],
		[
			['updatedAt:desc', '_geoPoint(52.09,5.12):asc'],
			(a: (typeof documents)[number], b: (typeof documents)[number]) =>
				b.updatedAt - a.updatedAt || metres(a) - metres(b)
		]
	])('answers %j in the order of the sort, not with an error', async (sort, compare) => {
		const { results } = await engine.multiSearch({
			queries: [
				{
					indexUid: 'profiles',
					q: 'magazijn medewerker orderpicken inpakken',
					sort,
					limit: 30,
					offset: 40,
					attributesToRetrieve: ['id']
				}
			]
		});
		// Ties on every rule go in document order, as the engine's ranking keeps them.
		const expected = documents
			.map((d, i) => ({ d, i }))
			.sort((a, b) => compare(a.d, b.d) || a.i - b.i)
			.slice(40, 70)
			.map(({ d }) => d.id);
		expect(results[0].hits.map((hit) => hit.id)).toEqual(expected);
	});
});
