import type { Queryable } from '../db/database';
import type { SessionUser } from './session-user';

/**
 * Which regions' work a staff member may see. Spelled out, never a nullable region: "no region" once
 * meant "every region" on one page, and a WSP adviser taken off their team then saw all of them.
 */
export type StaffScope = { kind: 'all' } | { kind: 'region'; code: string } | { kind: 'none' };

export const ALL_REGIONS: StaffScope = { kind: 'all' };
export const NO_REGION: StaffScope = { kind: 'none' };
export const oneRegion = (code: string): StaffScope => ({ kind: 'region', code });

/** Admins: every region. A WSP member: their team's region, or none while on no team. Others: none. */
export function scopeOf(user: SessionUser): StaffScope {
	if (user.role === 'admin') return ALL_REGIONS;
	if (user.role === 'wsp' && user.regionCode) return oneRegion(user.regionCode);
	return NO_REGION;
}

export function scopeIncludes(scope: StaffScope, regionCode: string): boolean {
	return scope.kind === 'all' || (scope.kind === 'region' && scope.code === regionCode);
}

/** A WHERE condition on `column` (e.g. `r.region_code`) that keeps only rows inside the scope. */
export function regionCondition(sql: Queryable, scope: StaffScope, column: string) {
	if (scope.kind === 'all') return sql`true`;
	if (scope.kind === 'region') return sql`${sql(column)} = ${scope.code}`;
	return sql`false`;
}
