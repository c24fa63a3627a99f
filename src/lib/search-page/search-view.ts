import type { ProfileDocument } from '$search/document';
import type { FacetDistribution, FacetStats, Hit } from '$search/engine';
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from './search-query';

/** One search result as both renderers (server and browser) hand it to the page. */
export interface HitView {
	id: string;
	title: TextPart[];
	summary: TextPart[];
	regionName: string;
	municipalityName: string | null;
	hoursMin: number;
	hoursMax: number;
	hoursBand: string;
	availability: string;
	educationLevel: string;
	taskTypes: string[];
	driversLicence: string[];
	updatedAt: number;
	/** Metres to the employer's workplace, when sorted by distance. */
	distance: number | null;
}

export interface SearchView {
	hits: HitView[];
	facets: FacetDistribution;
	facetStats: FacetStats;
	totalHits: number;
	totalPages: number;
	/** 1-based. */
	page: number;
}

export interface TextPart {
	text: string;
	match: boolean;
}

/** Splits highlighted text into plain and matched parts, so the page never renders HTML from a hit. */
export function highlightParts(value: unknown): TextPart[] {
	const text = typeof value === 'string' ? value : '';
	const parts: TextPart[] = [];
	let rest = text;
	while (rest) {
		const start = rest.indexOf(HIGHLIGHT_PRE);
		if (start < 0) break;
		const end = rest.indexOf(HIGHLIGHT_POST, start + HIGHLIGHT_PRE.length);
		if (end < 0) break;
		if (start > 0) parts.push({ text: rest.slice(0, start), match: false });
		parts.push({ text: rest.slice(start + HIGHLIGHT_PRE.length, end), match: true });
		rest = rest.slice(end + HIGHLIGHT_POST.length);
	}
	if (rest) parts.push({ text: rest, match: false });
	return parts;
}

/**
 * The attributes a result card shows, and so the only ones a search asks for (`attributesToRetrieve`):
 * a whole document is about 2.6 KB of JSON, most of it lists the card never shows, and every keystroke
 * on a cheap phone would download 20 of them. `toHitView` reads nothing else.
 */
export const HIT_ATTRIBUTES = [
	'id',
	'title',
	'summary',
	'regionName',
	'municipalityName',
	'hoursMin',
	'hoursMax',
	'hoursBand',
	'availability',
	'educationLevel',
	'taskTypes',
	'driversLicence',
	'updatedAt'
] as const satisfies readonly (keyof ProfileDocument)[];

/** `highlighted` holds the already highlighted title and summary (Meilisearch `_formatted`). */
export function toHitView(hit: Hit, highlighted: { title?: unknown; summary?: unknown } = {}): HitView {
	return {
		id: hit.id ?? '',
		title: highlightParts(highlighted.title ?? hit.title),
		summary: highlightParts(highlighted.summary ?? hit.summary),
		regionName: hit.regionName ?? '',
		municipalityName: hit.municipalityName ?? null,
		hoursMin: hit.hoursMin ?? 0,
		hoursMax: hit.hoursMax ?? 0,
		hoursBand: hit.hoursBand ?? 'onbekend',
		availability: hit.availability ?? 'onbekend',
		educationLevel: hit.educationLevel ?? 'onbekend',
		taskTypes: hit.taskTypes ?? [],
		driversLicence: hit.driversLicence ?? [],
		updatedAt: hit.updatedAt ?? 0,
		distance: typeof hit._geoDistance === 'number' ? hit._geoDistance : null
	};
}
