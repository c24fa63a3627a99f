import { isPublicRef, normalisePublicRef } from '../public-ref';

/**
 * The candidates an employer picked for one interest request. Without JavaScript the pick travels in the
 * URL (`kandidaat=KV-…`, submitted with every paging and filtering of the search form); with JavaScript it
 * lives in session storage, so it survives paging, Back and reload without cluttering shared search links.
 */
export const SELECTION_PARAM = 'kandidaat';

/** The interest form takes at most this many profiles per request (MAX_PROFILES on the server). */
export const MAX_SELECTION = 10;

const STORAGE_KEY = 'kv:selectie';

/** Well-formed, upper-cased, unique refs, at most MAX_SELECTION, in the order given. */
export function cleanSelection(values: unknown[]): string[] {
	const refs = values
		.filter((v): v is string => typeof v === 'string')
		.map(normalisePublicRef)
		.filter(isPublicRef);
	return [...new Set(refs)].slice(0, MAX_SELECTION);
}

export function selectionFromParams(params: URLSearchParams): string[] {
	return cleanSelection(params.getAll(SELECTION_PARAM));
}

/** `href` with the selection added, for links that must keep it without JavaScript. */
export function withSelection(href: string, refs: string[]): string {
	if (!refs.length) return href;
	const [path, query = ''] = href.split('?');
	const params = new URLSearchParams(query);
	for (const ref of refs) params.append(SELECTION_PARAM, ref);
	return `${path}?${params}`;
}

/** Adds or removes one ref; refuses (returns null) to go past MAX_SELECTION. */
export function toggleSelection(refs: string[], ref: string, selected: boolean): string[] | null {
	if (!selected) return refs.filter((r) => r !== ref);
	if (refs.includes(ref)) return refs;
	if (refs.length >= MAX_SELECTION) return null;
	return [...refs, ref];
}

/** Session storage may be missing or full (private mode): then the pick lasts as long as the page. */
export function loadStoredSelection(storage: Storage | undefined = globalThis.sessionStorage): string[] {
	try {
		const raw = storage?.getItem(STORAGE_KEY);
		const parsed: unknown = raw ? JSON.parse(raw) : [];
		return Array.isArray(parsed) ? cleanSelection(parsed) : [];
	} catch {
		return [];
	}
}

export function storeSelection(refs: string[], storage: Storage | undefined = globalThis.sessionStorage) {
	try {
		if (refs.length) storage?.setItem(STORAGE_KEY, JSON.stringify(refs));
		else storage?.removeItem(STORAGE_KEY);
	} catch {
		// Nothing to do: the selection still holds for this page view.
	}
}
