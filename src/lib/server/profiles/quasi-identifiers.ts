import type { CandidateProfile } from './candidate-record';
import { travelStep, TRAVEL_STEPS_COARSE } from './geography';
import {
	AVAILABILITY_CATEGORIES,
	DAY_PARTS,
	HOURS_BANDS,
	HOURS_BANDS_COARSE,
	HOURS_UNKNOWN,
	MOTORISED,
	type HoursBand
} from '../../reference/published-values';
import { educationLevels } from './reference';

/**
 * What an acquaintance may know about a candidate (docs/privacy.md, attacker model), at the finest
 * precision we would ever publish. Every value here is already coarse: hours are a band, availability a
 * category, the last update a month, travel a step, day parts a few broad codes.
 */
export interface QuasiIdentifiers {
	ref: string;
	municipality: string;
	region: string;
	education: string;
	/** Sorted licence categories. */
	licences: string[];
	/** Sorted transport modes. */
	transport: string[];
	/** Already a published step (TRAVEL_STEPS). */
	travelKm: number;
	/** An HOURS_BANDS code, or 'onbekend'. */
	hours: string;
	/** An AVAILABILITY_CATEGORIES code (relative to the day of publication). */
	availability: string;
	/** `YYYY-MM` of the last change in the source. */
	updated: string;
	/** Sorted broad day parts (DAY_PART_CODES). */
	dayParts: string[];
	/** Multi-valued: each item must be shared with location and education by k profiles. */
	sectors: string[];
	experience: string[];
}

export function hoursBandOf(min: number | null, max: number | null): string {
	const lo = min ?? max;
	const hi = max ?? min;
	if (lo === null || hi === null) return HOURS_UNKNOWN.code;
	const middle = (lo + hi) / 2;
	return (HOURS_BANDS.find((band) => middle <= band.max) ?? HOURS_BANDS[HOURS_BANDS.length - 1]).code;
}

export function availabilityOf(availableFrom: string | null, today: string): string {
	if (availableFrom === null) return 'direct';
	const days = Math.round((Date.parse(availableFrom) - Date.parse(today)) / 86_400_000);
	return AVAILABILITY_CATEGORIES.find((c) => days <= c.days)!.code;
}

export function broadDayParts(dayParts: string[]): string[] {
	const out = new Set<string>();
	for (const part of dayParts) {
		const [day, time] = part.split('-');
		out.add(day === 'za' || day === 'zo' ? 'weekend' : time);
	}
	return DAY_PARTS.map((d) => d.code).filter((code) => out.has(code));
}

/** Transport modes that need a licence; generalised together with the licence into one code. */
const NEEDS_LICENCE = new Set(['auto', 'scooter']);

/** The quasi-identifiers of a stored profile, at the finest published precision. */
export function quasiIdentifiersFrom(input: {
	ref: string;
	municipality: string;
	region: string;
	profile: CandidateProfile;
	sourceUpdatedAt: string;
	today: string;
}): QuasiIdentifiers {
	const p = input.profile;
	return {
		ref: input.ref,
		municipality: input.municipality,
		region: input.region,
		education: p.education ?? 'onbekend',
		licences: [...p.licences].sort(),
		transport: [...p.transport].sort(),
		travelKm: travelStep(p.travelKm),
		hours: hoursBandOf(p.hoursMin, p.hoursMax),
		availability: availabilityOf(p.availableFrom, input.today),
		updated: input.sourceUpdatedAt.slice(0, 7),
		dayParts: broadDayParts(p.dayParts),
		sectors: [...p.sectors],
		experience: [...p.experience]
	};
}

/**
 * One published field and its generalisation hierarchy: level 0 is the finest, `top` publishes nothing
 * that tells candidates of a region apart. `key` is what an observer sees at a level.
 */
export interface FieldHierarchy {
	name: Field;
	top: number;
	/** How much an employer loses when this field is coarsened one level; guides the partition. */
	weight: number;
	key(qi: QuasiIdentifiers, level: number): string;
}

export const FIELDS = [
	'location',
	'education',
	'hours',
	'availability',
	'mobility',
	'travel',
	'dayParts',
	'updated'
] as const;
export type Field = (typeof FIELDS)[number];
export type Levels = Record<Field, number>;

const quarterOf = (month: string) => `${month.slice(0, 4)}-K${Math.ceil(Number(month.slice(5, 7)) / 3)}`;

export const HIERARCHIES: Record<Field, FieldHierarchy> = {
	location: {
		name: 'location',
		top: 1,
		weight: 4,
		key: (qi, level) => (level === 0 ? qi.municipality : qi.region)
	},
	education: {
		name: 'education',
		top: 2,
		weight: 3,
		key: (qi, level) =>
			level === 0
				? qi.education
				: level === 1
					? (educationLevels.get(qi.education)?.group ?? 'onbekend')
					: 'onbekend'
	},
	hours: {
		name: 'hours',
		top: 2,
		weight: 3,
		key: (qi, level) => publishedHours(qi.hours, level).code
	},
	availability: {
		name: 'availability',
		top: 2,
		weight: 3,
		key: (qi, level) =>
			level === 0
				? qi.availability
				: level === 1
					? qi.availability === 'later'
						? 'later'
						: 'binnen-3-maanden'
					: 'onbekend'
	},
	mobility: {
		name: 'mobility',
		top: 3,
		weight: 2,
		key: (qi, level) => {
			const m = publishedMobility(qi, level);
			return `${m.licences.join(',')}/${m.hasLicence}/${m.transport.join(',')}`;
		}
	},
	travel: {
		name: 'travel',
		top: 2,
		weight: 2,
		key: (qi, level) => String(publishedTravel(qi.travelKm, level))
	},
	dayParts: {
		name: 'dayParts',
		top: 1,
		weight: 1,
		key: (qi, level) => (level === 0 ? qi.dayParts.join(',') : '')
	},
	updated: {
		name: 'updated',
		top: 3,
		weight: 1,
		key: (qi, level) =>
			level === 0
				? qi.updated
				: level === 1
					? quarterOf(qi.updated)
					: level === 2
						? qi.updated.slice(0, 4)
						: ''
	}
};

export function topLevels(): Levels {
	return Object.fromEntries(FIELDS.map((f) => [f, HIERARCHIES[f].top])) as Levels;
}

export function finestLevels(): Levels {
	return Object.fromEntries(FIELDS.map((f) => [f, 0])) as Levels;
}

export function publishedHours(band: string, level: number): HoursBand {
	if (level >= 2 || band === HOURS_UNKNOWN.code) return HOURS_UNKNOWN;
	const fine = HOURS_BANDS.find((b) => b.code === band)!;
	if (level === 0) return fine;
	return fine.max <= 20 ? HOURS_BANDS_COARSE[0] : HOURS_BANDS_COARSE[1];
}

/** 0 at the top: the distance is not published (and nothing is claimed reachable beyond home). */
export function publishedTravel(km: number, level: number): number {
	return level === 0 ? km : level === 1 ? travelStep(km, TRAVEL_STEPS_COARSE) : 0;
}

export interface PublishedMobility {
	/** Categories, or [] when not published at that precision. */
	licences: string[];
	/** null: not published. */
	hasLicence: boolean | null;
	transport: string[];
}

/**
 * Licence and transport coarsen TOGETHER: "auto" would give away licence B and "scooter" AM, so once
 * licence categories are withheld, motorised modes become one code that fits either.
 */
export function publishedMobility(
	qi: Pick<QuasiIdentifiers, 'licences' | 'transport'>,
	level: number
): PublishedMobility {
	if (level === 0)
		return { licences: qi.licences, hasLicence: qi.licences.length > 0, transport: qi.transport };
	if (level === 1) {
		const transport = new Set(qi.transport.map((t) => (NEEDS_LICENCE.has(t) ? MOTORISED.code : t)));
		return { licences: [], hasLicence: qi.licences.length > 0, transport: [...transport].sort() };
	}
	if (level === 2) return { licences: [], hasLicence: qi.licences.length > 0, transport: [] };
	return { licences: [], hasLicence: null, transport: [] };
}

/** The equivalence-class key over every published single-valued field. */
export function vectorKey(qi: QuasiIdentifiers, levels: Levels): string {
	return FIELDS.map((f) => HIERARCHIES[f].key(qi, levels[f])).join('|');
}

/** Names of the fields a candidate's publication coarsened, as `field:level` (stored for statistics). */
export function generalisationsOf(levels: Levels): string[] {
	return FIELDS.filter((f) => levels[f] > 0).map((f) => `${f}:${levels[f]}`);
}
