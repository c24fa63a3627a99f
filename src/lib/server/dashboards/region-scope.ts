import { error } from '@sveltejs/kit';
import { requireRegionAccess } from '../auth/guard';
import type { SessionUser } from '../auth/session-user';
import { regions } from '../profiles/reference';

export interface RegionRef {
	code: string;
	name: string;
}

/** A region code from the address: unknown → 404 (public pages). */
export function knownRegion(code: string): RegionRef {
	const region = regions.get(code.toUpperCase());
	if (!region) error(404, 'Deze regio bestaat niet.');
	return { code: region.code, name: region.name };
}

/** Staff figures: an admin may open any region, a WSP member only their own (403 otherwise). */
export function staffRegion(user: SessionUser, code: string): RegionRef {
	const region = knownRegion(code);
	requireRegionAccess(user, region.code);
	return region;
}

export function allRegions(): RegionRef[] {
	return [...regions.values()]
		.map((r) => ({ code: r.code, name: r.name }))
		.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}
