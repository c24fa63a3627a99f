import type { ProfileDocument } from '../../../../search/document';
import type { CandidateProfile, ProfileTextState } from './candidate-record';
import { centroidOf, reachableFrom, regionName, travelStep } from './geography';
import { publishedQi, type QuasiIdentifiers } from './quasi-identifiers';
import {
	affinities,
	competences,
	educationGroups,
	educationLevels,
	labelOf,
	municipalities,
	sectors,
	taskTypeByCode,
	taskTypes
} from './reference';
import { textRestatesWithheld } from './text-leaks';
import { dutchTitle } from './title';
import { amsterdamMidnight, unixSeconds } from '$lib/time';

/** The stored candidate fields the public projection may look at; nothing else reaches it. */
export interface PublishableCandidate {
	publicRef: string;
	municipalityCode: string;
	regionCode: string;
	profile: CandidateProfile;
	profileText: string;
	profileTextState: ProfileTextState;
	sourceUpdatedAt: string;
	firstPublishedAt: Date | null;
}

export function quasiIdentifiersOf(c: PublishableCandidate): QuasiIdentifiers {
	return {
		ref: c.publicRef,
		municipality: c.municipalityCode,
		region: c.regionCode,
		education: c.profile.education ?? 'onbekend',
		licences: [...c.profile.licences].sort(),
		travelKm: travelStep(c.profile.travelKm)
	};
}

/**
 * THE allow-list projection: the only code that builds a ProfileDocument. Every field is chosen here on
 * purpose; age, gender, origin, target group, benefit type and the klantnummer are not even inputs.
 * `level` is the k-anonymity generalisation the anonymiser decided for this candidate.
 */
export function toProfileDocument(c: PublishableCandidate, level: number, now = new Date()): ProfileDocument {
	const qi = publishedQi(quasiIdentifiersOf(c), level);
	const p = c.profile;
	const municipality = qi.municipality ? municipalities.get(qi.municipality)! : null;
	const taskCodes = taskTypes.map((t) => t.code).filter((code) => p.tasks[code] && p.tasks[code] !== 'nee');
	const slug = (code: string) => taskTypeByCode.get(code)!.slug;
	const educationLabel =
		level >= 2 ? labelOf(educationGroups, qi.education) : labelOf(educationLevels, qi.education);
	const hoursMin = p.hoursMin ?? p.hoursMax ?? 0;
	const hoursMax = p.hoursMax ?? p.hoursMin ?? 40;
	const reviewed = c.profileTextState === 'clean' || c.profileTextState === 'approved';
	const summary =
		reviewed && !textRestatesWithheld(c.profileText, quasiIdentifiersOf(c), level) ? c.profileText : '';
	return {
		id: c.publicRef,
		title: dutchTitle(p.sectors, taskCodes),
		summary,
		region: c.regionCode,
		regionName: regionName(c.regionCode),
		municipality: municipality?.code ?? null,
		municipalityName: municipality?.name ?? null,
		educationLevel: qi.education,
		educationLabel,
		sectors: [...p.sectors],
		sectorLabels: p.sectors.map((code) => labelOf(sectors, code)),
		taskTypes: taskCodes.map(slug),
		taskTypesIndependent: taskCodes.filter((code) => p.tasks[code] === 'ja').map(slug),
		taskTypeLabels: taskCodes.map((code) => taskTypeByCode.get(code)!.label),
		affinities: [...p.affinities],
		affinityLabels: p.affinities.map((code) => labelOf(affinities, code)),
		competences: [...p.competences],
		competenceLabels: p.competences.map((code) => labelOf(competences, code)),
		experience: [...p.experience],
		hoursPerWeek: [hoursMin, hoursMax],
		hoursMin,
		hoursMax,
		dayParts: [...p.dayParts],
		availableFrom: unixSeconds(amsterdamMidnight(p.availableFrom ?? c.sourceUpdatedAt)),
		travelDistanceKm: qi.travelKm,
		reachableMunicipalities: reachableFrom(qi.location, qi.travelKm),
		transport: [...p.transport],
		driversLicence: qi.licences,
		hasDriversLicence: qi.hasLicence,
		_geo: centroidOf(qi.location),
		updatedAt: unixSeconds(amsterdamMidnight(c.sourceUpdatedAt)),
		publishedAt: Math.floor((c.firstPublishedAt ?? now).getTime() / 1000)
	};
}
