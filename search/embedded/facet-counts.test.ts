import { describe, expect, it } from 'vitest';
import { randomProfileDocuments, seededRandom } from '../testing/random-documents';
import { createEmbeddedEngine } from './embedded-engine';
import { countValues, hitSetOf } from './facet-counts';

const documents = randomProfileDocuments(2500, 3);
const index = createEmbeddedEngine({ documents }).snapshot;

/** Counts the slow, obvious way: each hit's distinct values. */
function naive(attribute: string, hits: number[]): Map<string, number> {
	const field = index.facets.get(attribute)!;
	const counts = new Map<string, number>();
	for (const d of hits) {
		for (let j = field.docOffsets[d]; j < field.docOffsets[d + 1]; j++) {
			const value = field.display[field.docValues[j]];
			counts.set(value, (counts.get(value) ?? 0) + 1);
		}
	}
	return counts;
}

describe('facet counting', () => {
	const rnd = seededRandom(9);
	// From a handful of hits (walked one by one) through a third (bitsets) to nearly all documents
	// (the non-hits subtracted from the totals): each way must give the same exact counts.
	for (const share of [0, 0.002, 0.05, 0.3, 0.6, 0.9, 0.995, 1]) {
		it(`counts every value exactly when ${share * 100}% of the documents hit`, () => {
			const hits = [...documents.keys()].filter(() => share === 1 || rnd() < share);
			for (const attribute of ['region', 'municipality', 'sectors', 'taskTypes', 'hoursPerWeek']) {
				const field = index.facets.get(attribute)!;
				const counts = countValues(index, field, hitSetOf(index, Uint32Array.from(hits), null));
				const got = new Map<string, number>();
				counts.forEach((n, v) => n > 0 && got.set(field.display[v], n));
				expect(got, attribute).toEqual(naive(attribute, hits));
			}
		});
	}
});

describe('facets reused across pages', () => {
	const query = (page: number) => ({
		indexUid: 'profiles',
		q: 'sch',
		filter: 'region != "AM01"',
		facets: ['region', 'sectors'],
		hitsPerPage: 5,
		page
	});

	it('gives the next page the same facets, unaffected by what a caller did to an earlier response', async () => {
		const engine = createEmbeddedEngine({ documents });
		const first = (await engine.multiSearch({ queries: [query(1)] })).results[0];
		const expected = structuredClone(first.facetDistribution);
		first.facetDistribution!.region = {};
		const second = (await engine.multiSearch({ queries: [query(2)] })).results[0];
		const fresh = (await createEmbeddedEngine({ documents }).multiSearch({ queries: [query(2)] })).results[0];
		expect(second.facetDistribution).toEqual(expected);
		expect(second.facetDistribution).toEqual(fresh.facetDistribution);
		expect(second.hits).not.toEqual(first.hits);
	});
});
