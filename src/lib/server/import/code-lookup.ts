/**
 * How a list value in an export is recognised: by its code or its Dutch label, ignoring case, accents,
 * spaces, hyphens and underscores ("Met mensen", "met-mensen" and "MET_MENSEN" are all `met-mensen`).
 */
export function foldListValue(value: string): string {
	return value
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[\s_-]+/g, ' ')
		.trim();
}

/** Folded code or label → code. */
export type CodeLookup = ReadonlyMap<string, string>;

export function codeLookup(items: Iterable<{ code: string; label?: string }>): CodeLookup {
	const lookup = new Map<string, string>();
	for (const item of items) {
		lookup.set(foldListValue(item.code), item.code);
		if (item.label) lookup.set(foldListValue(item.label), item.code);
	}
	return lookup;
}
