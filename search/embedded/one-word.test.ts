/**
 * One-word queries of three letters and more are answered from a memoised answer (short-prefix.ts),
 * shared by every query matching the same words: keystrokes of one word, the facet queries of one
 * request. These tests compare each answer with matching and ranking done afresh, without any memo,
 * so a memo keyed too loosely (two queries sharing an answer they should not), an answer kept past a
 * write, or an order built wrongly shows up as a different page, total or facet count.
 */
import { describe, expect, it } from 'vitest';
import type { ProfileDocument } from '../document';
import { isPagedResult, type SearchQuery, type SearchResult } from '../engine';
import { planFilter, planQuery } from '../query-plan';
import { randomProfileDocuments, seededRandom } from '../testing/random-documents';
import type { EmbeddedIndex } from './build-index';
import { createEmbeddedEngine, type EmbeddedSearchEngine } from './embedded-engine';
import { filterToBitset } from './filter-bitset';
import { matchesOf, type TextMatches } from './match-text';
import { analyseQuery } from './query-terms';
import { rankWindow } from './rank';

const FACETS = ['sectors', 'region', 'educationLevel'];

/** Matching and ranking from scratch: nothing memoised, nothing precomputed. */
function fresh(index: EmbeddedIndex, query: SearchQuery) {
	const plan = planQuery(query, index.definition);
	const node = planFilter(query.filter, index.definition);
	const bits = node ? filterToBitset(index, node) : null;
	const analysed = analyseQuery(index, query.q);
	const all = matchesOf(index, analysed, plan.matchingStrategy);
	const keep = [...all.docs.keys()].filter(
		(i) => bits === null || (bits[all.docs[i] >>> 5] & (1 << (all.docs[i] & 31))) !== 0
	);
	const matches: TextMatches = {
		docs: Uint32Array.from(keep, (i) => all.docs[i]),
		words: Uint8Array.from(keep, (i) => all.words[i]),
		typos: Uint16Array.from(keep, (i) => all.typos[i]),
		attributes: Uint16Array.from(keep, (i) => all.attributes[i]),
		exact: Uint8Array.from(keep, (i) => all.exact[i]),
		proximity: new Uint16Array(keep.length),
		query: analysed
	};
	const hitsPerPage = query.hitsPerPage ?? 20;
	const offset = ((query.page ?? 1) - 1) * hitsPerPage;
	const ranked = rankWindow(index, matches.docs, matches, 1, plan.sort, offset, hitsPerPage);
	const counts: Record<string, Record<string, number>> = {};
	for (const facet of FACETS) {
		const values: Record<string, number> = {};
		for (const d of matches.docs) {
			const value = index.documents[d][facet as keyof ProfileDocument];
			for (const v of Array.isArray(value) ? value : [value])
				values[String(v)] = (values[String(v)] ?? 0) + 1;
		}
		counts[facet] = values;
	}
	return {
		hits: ranked.docs.map((d, i) => [index.documents[d].id, ranked.geoDistances?.[i]]),
		total: matches.docs.length,
		counts
	};
}

function observed(result: SearchResult) {
	if (!isPagedResult(result)) throw new Error('expected a paged result');
	const counts: Record<string, Record<string, number>> = {};
	for (const facet of FACETS) {
		const values: Record<string, number> = {};
		for (const [v, n] of Object.entries(result.facetDistribution?.[facet] ?? {})) values[v] = n;
		counts[facet] = values;
	}
	return { hits: result.hits.map((h) => [h.id, h._geoDistance]), total: result.totalHits, counts };
}

/** Each keystroke of `word` (from three letters), then the word finished: as InstantSearch sends them. */
function keystrokes(word: string): string[] {
	const out: string[] = [];
	for (let i = 3; i <= word.length; i++) out.push(word.slice(0, i));
	return [...out, `${word} `];
}

async function search(engine: EmbeddedSearchEngine, query: SearchQuery): Promise<SearchResult> {
	const [result] = (await engine.multiSearch({ queries: [query] })).results;
	return result;
}

// Typed in full, cut short and misspelt, across the typo thresholds (1 typo from 5 letters, 2 from 9).
const WORDS = [
	'magazijn',
	'coördinator',
	'ploegendienst',
	'zelfstandig',
	'magazjin',
	'winkle',
	'keuken',
	'tuinn'
];
const FILTERS: SearchQuery['filter'][] = [null, 'hoursMin >= 16', ['region = "AM01"', 'sectors = "zorg"']];
const SORTS: SearchQuery['sort'][] = [undefined, ['updatedAt:desc'], ['_geoPoint(52.37, 4.89):asc']];

describe('one-word answers', () => {
	const documents = randomProfileDocuments(2500, 13);
	const engine = createEmbeddedEngine({ documents });
	const index = engine.snapshot;

	it('give every keystroke of a word the page, total and facet counts of matching and ranking afresh', async () => {
		const rnd = seededRandom(3);
		for (const word of WORDS) {
			const filter = FILTERS[Math.floor(rnd() * FILTERS.length)];
			const sort = SORTS[Math.floor(rnd() * SORTS.length)];
			for (const q of keystrokes(word)) {
				// The page and the facets-only query of the same request, as InstantSearch sends them.
				const page = 1 + Math.floor(rnd() * 3);
				const main: SearchQuery = {
					indexUid: 'profiles',
					q,
					filter,
					sort,
					facets: FACETS,
					hitsPerPage: 7,
					page
				};
				const { results } = await engine.multiSearch({
					queries: [main, { indexUid: 'profiles', q, facets: FACETS, hitsPerPage: 0 }]
				});
				expect({ q, filter, sort, ...observed(results[0]) }).toEqual({
					q,
					filter,
					sort,
					...fresh(index, main)
				});
				const counted = { indexUid: 'profiles', q, facets: FACETS, hitsPerPage: 0 };
				expect({ q, ...observed(results[1]) }).toEqual({ q, ...fresh(index, counted) });
			}
		}
	});

	it('highlight what each keystroke typed, also when keystrokes share one answer', async () => {
		const typed = ['magaz', 'magazi', 'magazij'];
		// These keystrokes match the same words here, so they share one answer.
		expect(new Set(typed.map((q) => analyseQuery(index, q).key)).size).toBe(1);
		for (const q of typed) {
			const result = await search(engine, {
				indexUid: 'profiles',
				q,
				attributesToHighlight: ['summary'],
				hitsPerPage: 3
			});
			const marked = result.hits.flatMap((h) => [
				...String((h._formatted as Record<string, unknown>).summary).matchAll(/<em>([^<]*)<\/em>/g)
			]);
			expect(marked.length).toBeGreaterThan(0);
			for (const [, text] of marked) expect({ q, text }).toEqual({ q, text: q });
		}
	});

	it('answer after upserts and removes as an index built from the documents that remain', async () => {
		const engine = createEmbeddedEngine({ documents });
		const queries = (q: string): SearchQuery[] => [
			{ indexUid: 'profiles', q, facets: FACETS, hitsPerPage: 5 },
			{ indexUid: 'profiles', q, sort: ['updatedAt:asc'], hitsPerPage: 5, page: 2 }
		];
		// Words that sort before every new word keep their ids, so their keys outlive the writes too.
		const typed = ['afwis', 'afwisselend', 'diplom', 'magaz', 'magazi', 'magazijn', 'magazine', 'logis'];
		for (const q of typed) await engine.multiSearch({ queries: queries(q) });
		// New words under the typed prefixes ("magazine", "logistiek" written "logisteik"), a title
		// that moves a document to a better attribute, and removals of documents that matched.
		const changed: ProfileDocument[] = [
			{ ...documents[5], title: 'Magazine bezorgen', summary: 'afwisselend' },
			{ ...documents[6], id: 'KV-NEW-1', title: 'Magazijn', summary: 'logisteik' },
			{ ...documents[7], summary: 'magazijnen en magazines' }
		];
		const removed = documents
			.slice(10)
			.filter((d) => /magazijn/i.test(d.summary))
			.slice(0, 40)
			.map((d) => d.id);
		await engine.upsert(changed);
		await engine.remove(removed);
		// In the order Meilisearch keeps them: replaced documents in place, new ones at the end.
		const remaining = [
			...documents.map((d) => changed.find((c) => c.id === d.id) ?? d),
			...changed.filter((c) => !documents.some((d) => d.id === c.id))
		].filter((d) => !removed.includes(d.id));
		const rebuilt = createEmbeddedEngine({ documents: remaining });
		for (const q of typed) {
			const [got, expected] = await Promise.all([
				engine.multiSearch({ queries: queries(q) }),
				rebuilt.multiSearch({ queries: queries(q) })
			]);
			expect({ q, results: got.results.map(observed) }).toEqual({
				q,
				results: expected.results.map(observed)
			});
		}
	});
});
