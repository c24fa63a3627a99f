import type { Hit, SearchEngine } from '$search/engine';
import type { Queryable } from '../db/database';
import { savedSearchQuery, totalOf, workplaceResolver } from './engine-queries';
import { searchStateOf } from './saved-search-query';
import type { SavedSearch } from './saved-search-store';

export const RESULTS_SHOWN = 50;

export interface CandidateLine {
	id: string;
	title: string;
	municipalityName: string | null;
	regionName: string;
	hoursMin: number;
	hoursMax: number;
	summary: string;
	publishedAt: number;
	/** Published after the owner last looked at this search. */
	isNew: boolean;
}

export const CANDIDATE_ATTRIBUTES = [
	'id',
	'title',
	'municipalityName',
	'regionName',
	'hoursMin',
	'hoursMax',
	'summary',
	'publishedAt'
];

export function toCandidateLine(hit: Hit, viewedAfter: number): CandidateLine {
	const publishedAt = Number(hit.publishedAt ?? 0);
	return {
		id: String(hit.id),
		title: String(hit.title ?? ''),
		municipalityName: hit.municipalityName ?? null,
		regionName: String(hit.regionName ?? ''),
		hoursMin: Number(hit.hoursMin ?? 0),
		hoursMax: Number(hit.hoursMax ?? 0),
		summary: String(hit.summary ?? ''),
		publishedAt,
		isNew: publishedAt > viewedAfter
	};
}

/** The first results of a saved search, for choosing candidates to send one interest request for. */
export async function savedSearchResults(
	sql: Queryable,
	engine: SearchEngine,
	search: SavedSearch,
	now: Date
): Promise<{ total: number; candidates: CandidateLine[] }> {
	const state = searchStateOf(search.query);
	const workplace = await workplaceResolver(sql)(state.workplace);
	const query = savedSearchQuery(state, workplace, now, {
		limit: RESULTS_SHOWN,
		attributes: CANDIDATE_ATTRIBUTES
	});
	const { results } = await engine.multiSearch({ queries: [query] });
	const viewed = Math.floor(search.lastViewedAt.getTime() / 1000);
	return {
		total: totalOf(results[0]),
		candidates: results[0].hits.map((hit) => toCandidateLine(hit, viewed))
	};
}
