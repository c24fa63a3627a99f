import type { Sql } from '../db/database';
import { municipalitiesOf } from '../profiles/geography';
import { municipalities } from '../profiles/reference';

/**
 * The "Ken je klant" figures of one region. The population is the one the transparency figures count
 * (teldefinitie, not withdrawn), so the two dashboards always talk about the same people.
 */
export const QUALITY_CODES = ['J', 'N', 'L', 'O'] as const;
export type QualityCode = (typeof QUALITY_CODES)[number];
export const QUALITY_LABELS: Record<QualityCode, string> = {
	J: 'Ja (volledig)',
	N: 'Nee (niets ingevuld)',
	L: 'Leeg (geen van de drie telonderdelen)',
	O: 'Onvolledig (een of twee telonderdelen)'
};

export interface CompletenessRow {
	code: string;
	name: string;
	counts: Record<QualityCode, number>;
	total: number;
}

export async function completenessByMunicipality(
	sql: Sql,
	regionCode: string
): Promise<{ rows: CompletenessRow[]; total: CompletenessRow }> {
	const found = await sql<{ code: string; quality: QualityCode; n: number }[]>`
		select municipality_code as code, quality, count(*)::int as n
		from candidates where counted and not withdrawn and region_code = ${regionCode}
		group by 1, 2`;
	const empty = (code: string, name: string): CompletenessRow => ({
		code,
		name,
		counts: { J: 0, N: 0, L: 0, O: 0 },
		total: 0
	});
	const rows = new Map(
		municipalitiesOf(regionCode).map((code) => [code, empty(code, municipalities.get(code)!.name)])
	);
	const total = empty(regionCode, 'Totaal');
	for (const { code, quality, n } of found) {
		for (const row of [rows.get(code), total]) {
			if (!row) continue;
			row.counts[quality] += n;
			row.total += n;
		}
	}
	return { rows: [...rows.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl')), total };
}

export interface LadderRow {
	/** 1..6, or null when the export gave no step. */
	step: number | null;
	withGrowth: number;
	withoutGrowth: number;
	unknownGrowth: number;
	total: number;
}

export async function ladderDistribution(sql: Sql, regionCode: string): Promise<LadderRow[]> {
	const found = await sql<{ step: number | null; growth: boolean | null; n: number }[]>`
		select participatieladder as step, groeipotentieel as growth, count(*)::int as n
		from candidates where counted and not withdrawn and region_code = ${regionCode}
		group by 1, 2`;
	const steps: (number | null)[] = [1, 2, 3, 4, 5, 6, null];
	return steps.map((step) => {
		const of = (growth: boolean | null) =>
			found.filter((f) => f.step === step && f.growth === growth).reduce((s, f) => s + f.n, 0);
		const row = { step, withGrowth: of(true), withoutGrowth: of(false), unknownGrowth: of(null), total: 0 };
		row.total = row.withGrowth + row.withoutGrowth + row.unknownGrowth;
		return row;
	});
}

/** Profile parts in the order of the export format; the first three make a profile count as complete. */
export const PROFILE_PARTS = [
	{ key: 'affinities', label: 'Affiniteiten', counted: true },
	{ key: 'sectors', label: 'Beroepssectoren', counted: true },
	{ key: 'tasks', label: 'Taaksoortvragen', counted: true },
	{ key: 'education', label: 'Opleidingsniveau', counted: false },
	{ key: 'competences', label: 'Competenties', counted: false },
	{ key: 'hours', label: 'Uren per week', counted: false },
	{ key: 'availableFrom', label: 'Beschikbaar per', counted: false },
	{ key: 'dayParts', label: 'Dagdelen', counted: false },
	{ key: 'travelKm', label: 'Reisafstand', counted: false },
	{ key: 'transport', label: 'Vervoer', counted: false },
	{ key: 'text', label: 'Profieltekst', counted: false }
] as const;
export type ProfilePart = (typeof PROFILE_PARTS)[number]['key'];

export interface MissingPart {
	key: ProfilePart;
	label: string;
	counted: boolean;
	missing: number;
}

/** How many candidates lack each part, most often missing first. */
export async function missingParts(
	sql: Sql,
	regionCode: string
): Promise<{ population: number; parts: MissingPart[] }> {
	const [row] = await sql<Record<ProfilePart | 'population', number>[]>`
		select count(*)::int as population,
			count(*) filter (where coalesce(jsonb_array_length(profile->'affinities'), 0) = 0)::int as affinities,
			count(*) filter (where coalesce(jsonb_array_length(profile->'sectors'), 0) = 0)::int as sectors,
			count(*) filter (where coalesce(profile->'tasks', '{}'::jsonb) = '{}'::jsonb)::int as tasks,
			count(*) filter (where profile->>'education' is null)::int as education,
			count(*) filter (where coalesce(jsonb_array_length(profile->'competences'), 0) = 0)::int as competences,
			count(*) filter (where profile->>'hoursMin' is null and profile->>'hoursMax' is null)::int as hours,
			count(*) filter (where profile->>'availableFrom' is null)::int as "availableFrom",
			count(*) filter (where coalesce(jsonb_array_length(profile->'dayParts'), 0) = 0)::int as "dayParts",
			count(*) filter (where profile->>'travelKm' is null)::int as "travelKm",
			count(*) filter (where coalesce(jsonb_array_length(profile->'transport'), 0) = 0)::int as transport,
			count(*) filter (where profile_text = '')::int as text
		from candidates where counted and not withdrawn and region_code = ${regionCode}`;
	const parts = PROFILE_PARTS.map((p) => ({
		key: p.key,
		label: p.label,
		counted: p.counted,
		missing: row[p.key]
	}));
	return { population: row.population, parts: parts.sort((a, b) => b.missing - a.missing) };
}
