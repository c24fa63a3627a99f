import { ALL_REGIONS, oneRegion, regionCondition, type StaffScope } from '../auth/scope';
import type { Sql } from '../db/database';

/**
 * Steering figures on interest requests: how many came in, how fast a WSP made first contact, and how
 * they ended. The promise to employers is a reply within 24 hours (calendar hours, as promised on the site).
 */
const DAY_MS = 24 * 3600 * 1000;

export interface RequestFacts {
	regionCode: string;
	createdAt: Date;
	firstContactAt: Date | null;
	outcome: 'gesprek_gepland' | 'geplaatst' | 'geen_match' | null;
}

export interface SteeringFigures {
	/** `YYYY-MM` (Amsterdam time), a region code, or 'totaal'. */
	key: string;
	received: number;
	contacted: number;
	/** Median hours from the request to first contact, over contacted requests; null when none. */
	medianHoursToContact: number | null;
	/** Requests whose 24 hours have passed, or that were contacted earlier: the ones that can be judged. */
	judged: number;
	within24h: number;
	/** within24h / judged; null when nothing can be judged yet. */
	shareWithin24h: number | null;
	talks: number;
	placements: number;
	noMatch: number;
}

function median(values: number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function summarise(key: string, facts: RequestFacts[], now: Date): SteeringFigures {
	const waits: number[] = [];
	let judged = 0;
	let within24h = 0;
	for (const f of facts) {
		const wait = f.firstContactAt ? f.firstContactAt.getTime() - f.createdAt.getTime() : null;
		if (wait !== null) waits.push(wait / 3600_000);
		if (wait !== null && wait <= DAY_MS) {
			judged++;
			within24h++;
		} else if (now.getTime() - f.createdAt.getTime() > DAY_MS) judged++;
	}
	const count = (outcome: RequestFacts['outcome']) => facts.filter((f) => f.outcome === outcome).length;
	return {
		key,
		received: facts.length,
		contacted: waits.length,
		medianHoursToContact: median(waits),
		judged,
		within24h,
		shareWithin24h: judged > 0 ? within24h / judged : null,
		talks: count('gesprek_gepland'),
		placements: count('geplaatst'),
		noMatch: count('geen_match')
	};
}

const monthFormat = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/Amsterdam',
	year: 'numeric',
	month: '2-digit'
});
export const monthOf = (d: Date) => monthFormat.format(d).slice(0, 7);

function groupBy(facts: RequestFacts[], keyOf: (f: RequestFacts) => string): Map<string, RequestFacts[]> {
	const groups = new Map<string, RequestFacts[]>();
	for (const f of facts) groups.set(keyOf(f), [...(groups.get(keyOf(f)) ?? []), f]);
	return groups;
}

async function loadFacts(sql: Sql, scope: StaffScope, since: Date): Promise<RequestFacts[]> {
	return sql<RequestFacts[]>`
		select region_code as "regionCode", created_at as "createdAt", first_contact_at as "firstContactAt", outcome
		from interest_requests
		where created_at >= ${since} and ${regionCondition(sql, scope, 'region_code')}`;
}

/** `YYYY-MM` of the last `months` months up to `now`'s month (Amsterdam time), oldest first. */
export function lastMonths(now: Date, months: number): string[] {
	const [year, month] = monthOf(now).split('-').map(Number);
	return Array.from({ length: months }, (_, i) =>
		new Date(Date.UTC(year, month - months + i, 1)).toISOString().slice(0, 7)
	);
}

/** A moment safely before the first month starts in Amsterdam; rows are then kept by their month key. */
function loadFrom(first: string): Date {
	return new Date(Date.parse(`${first}-01T00:00:00Z`) - 3 * 3600_000);
}

/** One region, month by month (oldest first), with the total of the period. */
export async function steeringByMonth(
	sql: Sql,
	regionCode: string,
	now: Date,
	months = 12
): Promise<{ months: SteeringFigures[]; total: SteeringFigures }> {
	const keys = lastMonths(now, months);
	const facts = (await loadFacts(sql, oneRegion(regionCode), loadFrom(keys[0]))).filter(
		(f) => monthOf(f.createdAt) >= keys[0]
	);
	const groups = groupBy(facts, (f) => monthOf(f.createdAt));
	return {
		months: keys.map((key) => summarise(key, groups.get(key) ?? [], now)),
		total: summarise('totaal', facts, now)
	};
}

/** Every region over the same period, for administrators. */
export async function steeringByRegion(
	sql: Sql,
	regionCodes: string[],
	now: Date,
	months = 12
): Promise<{ regions: SteeringFigures[]; total: SteeringFigures }> {
	const first = lastMonths(now, months)[0];
	const facts = (await loadFacts(sql, ALL_REGIONS, loadFrom(first))).filter(
		(f) => monthOf(f.createdAt) >= first
	);
	const groups = groupBy(facts, (f) => f.regionCode);
	return {
		regions: regionCodes.map((code) => summarise(code, groups.get(code) ?? [], now)),
		total: summarise('totaal', facts, now)
	};
}
