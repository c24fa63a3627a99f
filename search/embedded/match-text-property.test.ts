import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProfileDocument } from '../document';
import { isPagedResult, type SearchQuery } from '../engine';
import { FIXTURE_DOCUMENTS } from '../conformance/fixture-documents';
import { planFilter } from '../query-plan';
import type { MatchingStrategy } from '../index-definition';
import type { EmbeddedIndex } from './build-index';
import { createEmbeddedEngine } from './embedded-engine';
import { filterToBitset } from './filter-bitset';
import { matchText, proximityOfAll, type TextMatches } from './match-text';
import { analyseQuery, choiceHas, isAnyWord, type AnalysedQuery, type WordChoice } from './query-terms';
import { rankWindow } from './rank';
import { attributeOfPosition, HARD_DISTANCE, UNINDEXED } from './word-positions';

// Words with prefixes of each other, typo neighbours, synonyms (one- and two-word), concatenations
// and splits ("schoon maak" / "schoonmaak"), and stop words, so every kind of variant and sequence occurs.
const WORDS = [
	'magazijn',
	'magazijnen',
	'magazijnmedewerker',
	'logistiek',
	'vakken',
	'vullen',
	'vakkenvuller',
	'winkel',
	'schoon',
	'maak',
	'schoonmaak',
	'keuken',
	'kok',
	'koken',
	'pak',
	'pakket',
	'piano',
	'heftruck',
	'rijden',
	'medewerker',
	'de',
	'en'
];

const textArb = fc
	.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(' ', ' ', ' ', '. ', ', ')), { maxLength: 8 })
	.map((parts) => parts.map(([word, separator]) => word + separator).join(''));

const documentsArb = fc.array(
	fc.record({
		title: textArb,
		summary: textArb,
		labels: fc.array(textArb, { maxLength: 2 }),
		region: fc.constantFrom('AM01', 'AM02'),
		updatedAt: fc.integer({ min: 1, max: 4 })
	}),
	{ minLength: 1, maxLength: 70, size: 'max' }
);

type DocumentRecord = { title: string; summary: string; labels: string[]; region: string; updatedAt: number };

function toDocuments(records: DocumentRecord[]): ProfileDocument[] {
	return records.map(({ title, summary, labels, region, updatedAt }, i) => ({
		...FIXTURE_DOCUMENTS[0],
		id: `M-${i}`,
		title,
		summary,
		region,
		updatedAt,
		sectorLabels: labels,
		taskTypeLabels: [],
		municipalityName: null,
		regionName: '',
		educationLabel: '',
		dayParts: []
	}));
}

/** A query word: a pool word, maybe with a typo, maybe cut short (a prefix when it comes last). */
const wordArb = fc
	.tuple(fc.constantFrom(...WORDS), fc.nat(12), fc.constantFrom('none', 'swap', 'drop', 'cut'))
	.map(([word, at, change]) => {
		const i = at % word.length;
		if (change === 'swap' && i + 1 < word.length)
			return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
		if (change === 'drop' && word.length > 1) return word.slice(0, i) + word.slice(i + 1);
		if (change === 'cut') return word.slice(0, i + 1);
		return word;
	});

// Neighbouring query words that also match as one word: a concatenation, a synonym, a split word.
const PAIRS = ['schoon maak', 'vakken vullen', 'magazijn medewerker', 'pak ket', 'vakken vuller', 'kok en'];

const chunkArb = fc.oneof(
	wordArb,
	fc.constantFrom(...PAIRS),
	fc.constantFrom('schoonmaak', 'vakkenvuller', 'heftruckrijden', 'magazijnmedewerker')
);

const queryArb = fc
	.tuple(
		fc.array(chunkArb, { minLength: 1, maxLength: 3 }),
		fc.option(fc.tuple(wordArb, wordArb), { nil: undefined }),
		fc.option(wordArb, { nil: undefined }),
		fc.boolean()
	)
	.map(([chunks, phrase, excluded, typing]) =>
		[...chunks, ...(phrase ? [`"${phrase.join(' ')}"`] : []), ...(excluded ? [`-${excluded}`] : [])]
			.join(' ')
			.concat(typing ? '' : ' ')
	);

/**
 * What the text rules compute, read off each document's words and positions one by one: no postings,
 * no precomputation, no shortcut.
 */
function referenceMatches(
	index: EmbeddedIndex,
	query: AnalysedQuery,
	strategy: MatchingStrategy
): TextMatches {
	const { terms, sequences, negatives } = query;
	const { offsets, words, positions } = index.positions;
	const at = (t: number) => attributeOfPosition(positions[t]);
	/** Where the parts stand together first, or -1. */
	const firstTogether = (d: number, parts: readonly WordChoice[]): number => {
		for (let t = offsets[d]; t + parts.length <= offsets[d + 1]; t++) {
			if (
				parts.every(
					(p, k) => positions[t + k] === positions[t] + k && (isAnyWord(p) || choiceHas(p, words[t + k]))
				)
			)
				return t;
		}
		return -1;
	};
	const masks = (id: number): number => {
		let mask = 0;
		terms.forEach((term, q) => {
			if (term.variants.some((v) => v.wordId === id)) mask |= 1 << q;
			if (term.extensions && id >= term.extensions.from && id < term.extensions.to) mask |= 1 << q;
		});
		for (const s of sequences) {
			const first = s.parts[0];
			const last = s.parts[s.parts.length - 1];
			if (!isAnyWord(first) && choiceHas(first, id)) {
				mask |= 1 << s.from;
				if (s.parts.length === 1) for (let q = s.from; q <= s.to; q++) mask |= 1 << q;
			}
			if (!isAnyWord(last) && choiceHas(last, id)) mask |= 1 << s.to;
		}
		return mask;
	};
	const out = {
		docs: [] as number[],
		words: [] as number[],
		typos: [] as number[],
		attributes: [] as number[],
		exact: [] as number[],
		proximity: [] as number[]
	};
	for (let d = 0; d < index.size; d++) {
		if (negatives.some((parts) => firstTogether(d, parts) >= 0)) continue;
		const best = terms.map(() => null as { typos: number; attribute: number; exact: number } | null);
		const merge = (q: number, typos: number, attribute: number, exact: number) => {
			const b = best[q];
			if (b === null) best[q] = { typos, attribute, exact };
			else
				best[q] = {
					typos: Math.min(b.typos, typos),
					attribute: Math.min(b.attribute, attribute),
					exact: Math.max(b.exact, exact)
				};
		};
		for (let t = offsets[d]; t < offsets[d + 1]; t++) {
			if (words[t] === UNINDEXED) continue;
			terms.forEach((term, q) => {
				for (const v of term.variants) if (v.wordId === words[t]) merge(q, v.typos, at(t), v.exact ? 1 : 0);
				const e = term.extensions;
				if (e && words[t] >= e.from && words[t] < e.to) merge(q, 0, at(t), 0);
			});
		}
		for (const s of sequences) {
			const t = firstTogether(d, s.parts);
			if (t < 0) continue;
			for (let q = s.from; q <= s.to; q++) merge(q, q === s.from ? s.typos : 0, at(t), s.exact ? 1 : 0);
		}
		if (terms.length > 0 && best[0] === null) continue;
		let matched = 0;
		while (matched < terms.length && best[matched] !== null) matched++;
		if (strategy === 'all' && matched < terms.length) continue;
		const leading = best.slice(0, matched) as { typos: number; attribute: number; exact: number }[];
		let proximity = 0;
		for (let q = 0; q + 1 < matched; q++) {
			let cost = HARD_DISTANCE;
			for (let a = offsets[d]; a < offsets[d + 1]; a++) {
				if (words[a] === UNINDEXED || (masks(words[a]) & (1 << q)) === 0) continue;
				for (let b = offsets[d]; b < offsets[d + 1]; b++) {
					if (words[b] === UNINDEXED || (masks(words[b]) & (1 << (q + 1))) === 0) continue;
					// In reading order, or one further in reverse; one word standing for both terms costs 0.
					const distance = b >= a ? positions[b] - positions[a] : positions[a] - positions[b] + 1;
					cost = Math.min(cost, distance);
				}
			}
			proximity += cost;
		}
		out.docs.push(d);
		out.words.push(matched);
		out.typos.push(leading.reduce((s, b) => s + b.typos, 0));
		out.attributes.push(leading.reduce((s, b) => s + b.attribute, 0));
		out.exact.push(leading.reduce((s, b) => s + b.exact, 0));
		out.proximity.push(proximity);
	}
	return {
		docs: Uint32Array.from(out.docs),
		words: Uint8Array.from(out.words),
		typos: Uint16Array.from(out.typos),
		attributes: Uint16Array.from(out.attributes),
		exact: Uint8Array.from(out.exact),
		proximity: Uint16Array.from(out.proximity),
		query
	};
}

const plain = (index: EmbeddedIndex, m: TextMatches) => ({
	docs: [...m.docs],
	words: [...m.words],
	typos: [...m.typos],
	attributes: [...m.attributes],
	exact: [...m.exact],
	proximity: [...proximityOfAll(index, m)]
});

/** The reference matches of the documents in `region` only. */
function inRegion(index: EmbeddedIndex, m: TextMatches, region: string | undefined): TextMatches {
	if (region === undefined) return m;
	const keep = [...m.docs.keys()].filter((i) => index.documents[m.docs[i]].region === region);
	return {
		docs: Uint32Array.from(keep, (i) => m.docs[i]),
		words: Uint8Array.from(keep, (i) => m.words[i]),
		typos: Uint16Array.from(keep, (i) => m.typos[i]),
		attributes: Uint16Array.from(keep, (i) => m.attributes[i]),
		exact: Uint8Array.from(keep, (i) => m.exact[i]),
		proximity: Uint16Array.from(keep, (i) => m.proximity![i]),
		query: m.query
	};
}

describe('text matching against a document-by-document reference', () => {
	it('gives every document the same words, typos, attribute, exactness and proximity, and pages alike', async () => {
		await fc.assert(
			fc.asyncProperty(
				documentsArb,
				queryArb,
				fc.constantFrom<MatchingStrategy>('last', 'all'),
				fc.constantFrom<SearchQuery['sort']>(undefined, ['updatedAt:desc']),
				fc.option(fc.constantFrom('AM01', 'AM02'), { nil: undefined }),
				fc.integer({ min: 1, max: 3 }),
				async (records, q, strategy, sort, region, page) => {
					const engine = createEmbeddedEngine({ documents: toDocuments(records) });
					const index = engine.snapshot;
					const analysed = analyseQuery(index, q);
					if (analysed.terms.length === 0) return;
					const expected = referenceMatches(index, analysed, strategy);
					expect({ q, ...plain(index, matchText(index, analysed, strategy, null)) }).toEqual({
						q,
						...plain(index, expected)
					});
					const filter = region && `region = ${region}`;
					// Facets only first (memos would answer it from the paged search otherwise).
					const [counted] = (
						await engine.multiSearch({
							queries: [
								{
									indexUid: 'profiles',
									q,
									matchingStrategy: strategy,
									filter,
									facets: ['region'],
									hitsPerPage: 0
								}
							]
						})
					).results;
					const [result] = (
						await engine.multiSearch({
							queries: [
								{
									indexUid: 'profiles',
									q,
									matchingStrategy: strategy,
									sort,
									filter,
									hitsPerPage: 4,
									page
								}
							]
						})
					).results;
					if (!isPagedResult(result)) throw new Error('expected a paged result');
					const terms = analysed.terms.length;
					const criteria = sort
						? [{ kind: 'field' as const, attribute: 'updatedAt', direction: 'desc' as const }]
						: [];
					// Proximity computed only where a window needs it ranks like proximity known for all.
					for (const [offset, limit] of [
						[0, 1],
						[0, 2],
						[1, 3],
						[2, 5],
						[5, 2],
						[9, 9]
					]) {
						const lazy = { ...expected, proximity: null };
						expect(rankWindow(index, lazy.docs, lazy, terms, criteria, offset, limit)).toEqual(
							rankWindow(index, expected.docs, expected, terms, criteria, offset, limit)
						);
					}
					const wanted = inRegion(index, expected, region);
					const node = planFilter(filter, index.definition);
					const filtered = matchText(index, analysed, strategy, node && filterToBitset(index, node));
					expect(plain(index, filtered)).toEqual(plain(index, wanted));
					const ranked = rankWindow(index, wanted.docs, wanted, terms, criteria, (page - 1) * 4, 4);
					expect(result.hits.map((h) => h.id)).toEqual(ranked.docs.map((d) => index.documents[d].id));
					expect(result.totalHits).toBe(wanted.docs.length);
					if (!isPagedResult(counted)) throw new Error('expected a paged result');
					expect(counted.totalHits).toBe(wanted.docs.length);
					const regions: Record<string, number> = {};
					for (const d of wanted.docs)
						regions[index.documents[d].region] = (regions[index.documents[d].region] ?? 0) + 1;
					expect(counted.facetDistribution?.region ?? {}).toEqual(regions);
				}
			),
			{ numRuns: 300 }
		);
	});
});
