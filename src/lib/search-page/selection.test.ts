import { describe, expect, it } from 'vitest';
import { MAX_PROFILES } from '$lib/server/requests/interest-form';
import {
	MAX_SELECTION,
	cleanSelection,
	loadStoredSelection,
	selectionFromParams,
	storeSelection,
	toggleSelection,
	withSelection
} from './selection';

const refs = (n: number) => [...'ABCDEFGHJKLMN'].slice(0, n).map((c) => `KV-AAAA-AAA${c}`);

class MemoryStorage {
	items = new Map<string, string>();
	getItem = (k: string) => this.items.get(k) ?? null;
	setItem = (k: string, v: string) => void this.items.set(k, v);
	removeItem = (k: string) => void this.items.delete(k);
}

describe('the interest selection', () => {
	it('reads well-formed refs from the URL, once each, at most as many as the interest form takes', () => {
		expect(MAX_SELECTION).toBe(MAX_PROFILES);
		const params = new URLSearchParams('kandidaat=kv-2356-dt3n&kandidaat=KV-2356-DT3N&kandidaat=<x>');
		expect(selectionFromParams(params)).toEqual(['KV-2356-DT3N']);
		expect(cleanSelection(refs(12))).toEqual(refs(MAX_SELECTION));
	});

	it('adds the pick to links that must keep it without JavaScript', () => {
		expect(withSelection('/kandidaten?q=kok', ['KV-2356-DT3N'])).toBe(
			'/kandidaten?q=kok&kandidaat=KV-2356-DT3N'
		);
		expect(withSelection('/kandidaten', ['KV-2356-DT3N'])).toBe('/kandidaten?kandidaat=KV-2356-DT3N');
		expect(withSelection('/kandidaten', [])).toBe('/kandidaten');
	});

	it('refuses an eleventh pick and removes one on request', () => {
		const full = refs(MAX_SELECTION);
		expect(toggleSelection(full, 'KV-BBBB-BBBB', true)).toBeNull();
		expect(toggleSelection(full, full[0], false)).toHaveLength(MAX_SELECTION - 1);
		expect(toggleSelection(['KV-BBBB-BBBB'], 'KV-BBBB-BBBB', true)).toEqual(['KV-BBBB-BBBB']);
	});

	it('keeps the pick in session storage, and ignores storage that is broken or tampered with', () => {
		const storage = new MemoryStorage() as unknown as Storage;
		storeSelection(['KV-2356-DT3N'], storage);
		expect(loadStoredSelection(storage)).toEqual(['KV-2356-DT3N']);
		storage.setItem('kv:selectie', '{not json');
		expect(loadStoredSelection(storage)).toEqual([]);
		storage.setItem('kv:selectie', JSON.stringify(['<script>', 'KV-2356-DT3N', 7]));
		expect(loadStoredSelection(storage)).toEqual(['KV-2356-DT3N']);
		storeSelection([], storage);
		expect(storage.getItem('kv:selectie')).toBeNull();
		expect(loadStoredSelection(undefined)).toEqual([]);
	});
});
