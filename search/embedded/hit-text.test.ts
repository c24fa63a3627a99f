/**
 * The JSON path (`multiSearchJson`, what /api/search sends) writes hits from cached document text and
 * facets from memoised text: its answer must be the very text of `JSON.stringify(multiSearch(...))`, for
 * any request, before and after the texts are cached, and after writes change the documents.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProfileDocument } from '../document';
import type { MultiSearchRequest, SearchEngine, SearchQuery } from '../engine';
import { conformanceSuite, capturedRequests } from '../conformance/conformance-cases';
import { FIXTURE_DOCUMENTS } from '../conformance/fixture-documents';
import { LIMITED_INDEX, limitedIndexSuite, paritySuite } from '../conformance/parity-cases';
import { PARITY_DOCUMENTS } from '../conformance/parity-documents';
import { PROFILE_INDEX } from '../index-definition';
import { randomProfileDocuments } from '../testing/random-documents';
import { createEmbeddedEngine, type EmbeddedSearchEngine } from './embedded-engine';
import { formatHit, type FormatOptions } from './format-hit';
import { HitTexts, writableAsText } from './hit-text';

// The one field that may differ between two runs of the same search.
const untimed = (json: string) => json.replace(/"processingTimeMs":\d+/g, '"processingTimeMs":0');

async function bothWays(engine: SearchEngine, request: MultiSearchRequest) {
	let objects;
	try {
		objects = await engine.multiSearch(request);
	} catch (error) {
		// A request the engine refuses must be refused the same way on the JSON path.
		await expect(engine.multiSearchJson!(request)).rejects.toEqual(error);
		throw error;
	}
	expect(untimed(await engine.multiSearchJson!(request))).toBe(untimed(JSON.stringify(objects)));
	return objects;
}

/** The engine, with every multi-search also answered as text and compared with the objects. */
function checkingJson(engine: EmbeddedSearchEngine): SearchEngine {
	return new Proxy(engine, {
		get(target, property) {
			if (property === 'multiSearch') return (request: MultiSearchRequest) => bothWays(target, request);
			const value = Reflect.get(target, property, target) as unknown;
			return typeof value === 'function' ? value.bind(target) : value;
		}
	});
}

// Every request of the conformance and parity suites, answered both ways.
conformanceSuite('embedded engine, JSON responses', async () => ({
	engine: checkingJson(createEmbeddedEngine({ documents: FIXTURE_DOCUMENTS })),
	cleanup: async () => {}
}));
paritySuite('embedded engine, JSON responses: query semantics', async () => ({
	engine: checkingJson(createEmbeddedEngine({ documents: PARITY_DOCUMENTS })),
	cleanup: async () => {}
}));
limitedIndexSuite('embedded engine, JSON responses: settings-dependent behaviour', async () => ({
	engine: checkingJson(createEmbeddedEngine({ documents: PARITY_DOCUMENTS, definition: LIMITED_INDEX })),
	cleanup: async () => {}
}));

/** Documents JSON writes in its own ways: absent and undefined attributes, non-finite numbers, objects. */
function oddDocuments(): ProfileDocument[] {
	const [a, b, c, d] = randomProfileDocuments(4, 99);
	const missing = { ...a, id: 'odd-missing' } as Record<string, unknown>;
	delete missing.summary;
	delete missing.hoursPerWeek;
	return [
		missing as unknown as ProfileDocument,
		{
			...b,
			id: 'odd-undefined',
			municipality: undefined as unknown as null,
			summary: 'Zorg "thuis" \\ \u2028 😀 \ud800'
		},
		{ ...c, id: 'odd-numbers', hoursMin: Number.NaN, hoursMax: Infinity, hoursPerWeek: [-0, 1.5e300] },
		{
			...d,
			id: 'odd-nested',
			sectors: ['zorg', null, ['logistiek', 3]] as unknown as string[],
			_geo: { lat: 52.1, lng: 5.1, extra: { deep: [1, 'x'] } } as unknown as ProfileDocument['_geo']
		}
	];
}

const DISPLAYED = PROFILE_INDEX.displayedAttributes as readonly string[];
const WORDS = ['zorg', 'zo', 'z', 'logistiek', 'magazijn werk', 'schoonmaak', 'kok', 'wil', 'a', 'thuis', ''];

const attributeList = fc.option(
	fc.oneof(fc.constant(['*']), fc.subarray([...DISPLAYED, 'unknown'], { maxLength: 6 })),
	{ nil: undefined }
);

const query: fc.Arbitrary<SearchQuery> = fc
	.record({
		q: fc.constantFrom(...WORDS),
		attributesToRetrieve: attributeList,
		attributesToHighlight: attributeList,
		attributesToCrop: fc.option(
			fc.subarray(['summary', 'title:3', 'summary:0', 'sectorLabels:2', 'hoursMin', '*:4'], {
				maxLength: 3
			}),
			{ nil: undefined }
		),
		cropLength: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
		cropMarker: fc.option(fc.constantFrom('…', '"', ''), { nil: undefined }),
		highlightPreTag: fc.option(fc.constantFrom('<mark>', '"<', '\\'), { nil: undefined }),
		highlightPostTag: fc.option(fc.constantFrom('</mark>', '>"'), { nil: undefined }),
		facets: fc.option(fc.subarray(['sectors', 'region', 'hoursPerWeek', 'availability']), { nil: undefined }),
		filter: fc.option(fc.constantFrom('hoursMin >= 12', 'sectors = "zorg"', 'region = "nergens"'), {
			nil: undefined
		}),
		sort: fc.option(fc.constantFrom(['_geoPoint(52.1, 5.1):asc'], ['updatedAt:desc'], ['hoursMax:asc']), {
			nil: undefined
		}),
		paging: fc.oneof(
			fc.record({ limit: fc.integer({ min: 0, max: 30 }), offset: fc.integer({ min: 0, max: 40 }) }),
			fc.record({ hitsPerPage: fc.integer({ min: 0, max: 25 }), page: fc.integer({ min: 0, max: 3 }) })
		)
	})
	.map(({ paging, ...rest }) => {
		const out: Record<string, unknown> = { indexUid: 'profiles', ...paging };
		for (const [key, value] of Object.entries(rest)) if (value !== undefined) out[key] = value;
		return out as unknown as SearchQuery;
	});

describe('multiSearchJson', () => {
	it('writes the text of JSON.stringify(multiSearch) for random requests, before and after caching', async () => {
		const engine = createEmbeddedEngine({
			documents: [...randomProfileDocuments(300, 5), ...oddDocuments()]
		});
		await fc.assert(
			fc.asyncProperty(fc.array(query, { minLength: 1, maxLength: 3 }), async (queries) => {
				// The first answer makes the hits' texts, the second reads them from the cache.
				await bothWays(engine, { queries });
				await bothWays(engine, { queries });
			}),
			{ numRuns: 300 }
		);
	});

	it('writes the captured InstantSearch requests as multiSearch answers them', async () => {
		const engine = createEmbeddedEngine({ documents: FIXTURE_DOCUMENTS });
		for (const { body } of capturedRequests()) {
			await bothWays(engine, body);
			await bothWays(engine, body);
		}
	});

	it('writes a document as it is after upsert and remove, not as it was when first shown', async () => {
		const documents = randomProfileDocuments(120, 8);
		const engine = createEmbeddedEngine({ documents });
		const everything: MultiSearchRequest = {
			queries: [{ indexUid: 'profiles', q: '', limit: 200, attributesToHighlight: ['*'] }]
		};
		const hit = async (id: string) => {
			const response = JSON.parse(await engine.multiSearchJson(everything)) as {
				results: { hits: Record<string, unknown>[] }[];
			};
			return response.results[0].hits.find((h) => h.id === id);
		};
		// Every document's text is cached.
		await bothWays(engine, everything);

		const changed = { ...documents[10], title: 'Nieuwe titel', hoursMin: 31, sectors: ['horeca'] };
		await engine.upsert([changed]);
		expect(await hit(changed.id)).toMatchObject({
			title: 'Nieuwe titel',
			hoursMin: 31,
			sectors: ['horeca'],
			_formatted: { title: 'Nieuwe titel', hoursMin: '31', sectors: ['horeca'] }
		});
		await bothWays(engine, everything);

		// A removal renumbers the documents after it: each must keep its own text.
		await engine.remove([documents[3].id, documents[50].id]);
		expect(await hit(documents[3].id)).toBeUndefined();
		expect(await hit(documents[51].id)).toMatchObject({ id: documents[51].id, title: documents[51].title });
		expect(await hit(changed.id)).toMatchObject({ title: 'Nieuwe titel' });
		await bothWays(engine, everything);

		// And the whole answer is the one an index built from scratch over the same documents gives.
		const fresh = createEmbeddedEngine({
			documents: documents.filter((_, i) => i !== 3 && i !== 50).map((d, i) => (i === 9 ? changed : d))
		});
		expect(untimed(await engine.multiSearchJson(everything))).toBe(
			untimed(await fresh.multiSearchJson(everything))
		);
	});
});

describe('HitTexts', () => {
	it('writes hits as formatHit does once its budget is spent, without caching them', () => {
		const documents = [...randomProfileDocuments(40, 3), ...oddDocuments()] as unknown as Record<
			string,
			unknown
		>[];
		const options: FormatOptions = {
			retrieve: DISPLAYED.filter((a) => a !== 'summary'),
			formatted: [...DISPLAYED],
			highlight: new Set(['title', 'sectorLabels', 'hoursMin']),
			crop: new Map([['summary', 4]]),
			preTag: '<b>',
			postTag: '</b>',
			cropMarker: '…',
			highlightLength: (word) => (word.startsWith('w') || word === '16' ? 2 : null),
			termOf: (word) => (word.startsWith('w') ? 0 : -1)
		};
		for (const budget of [0, 10_000, Number.POSITIVE_INFINITY]) {
			const texts = new HitTexts(DISPLAYED, budget);
			const layout = texts.layout(options);
			// Twice over: the second pass reads whatever the budget let the first one keep.
			for (let pass = 0; pass < 2; pass++) {
				documents.forEach((document, d) => {
					expect(texts.hitJson(d, document, layout, d % 3 ? d * 10.5 : undefined)).toBe(
						JSON.stringify(formatHit(document, options, d % 3 ? d * 10.5 : undefined))
					);
				});
			}
		}
	});
});

describe('writableAsText', () => {
	it('leaves to objects the attribute names JSON would put elsewhere', () => {
		expect(writableAsText(DISPLAYED)).toBe(true);
		expect(writableAsText(['id', '7'])).toBe(false);
		expect(writableAsText(['id', '_formatted'])).toBe(false);
		expect(writableAsText(['id', 'id'])).toBe(false);
		expect(writableAsText(['id', '07', '-1'])).toBe(true);
	});
});
