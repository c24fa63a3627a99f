import type { ProfileDocument } from '../../../../search/document';
import { amsterdamDay } from '../../time';
import type { CandidateProfile, ProfileTextState } from './candidate-record';
import type { Publication } from './anonymise';
import { centroidOf, reachableFrom, regionName } from './geography';
import {
	HIERARCHIES,
	publishedHours,
	publishedMobility,
	publishedTravel,
	quasiIdentifiersFrom,
	type QuasiIdentifiers
} from './quasi-identifiers';
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

export function quasiIdentifiersOf(c: PublishableCandidate, now = new Date()): QuasiIdentifiers {
	return quasiIdentifiersFrom({
		ref: c.publicRef,
		municipality: c.municipalityCode,
		region: c.regionCode,
		profile: c.profile,
		sourceUpdatedAt: c.sourceUpdatedAt,
		today: amsterdamDay(now)
	});
}

/**
 * THE allow-list projection: the only code that builds a ProfileDocument. Every field is chosen here on
 * purpose; age, gender, origin, target group, benefit type and the klantnummer are not even inputs.
 * `publication` is what the anonymiser decided for this candidate: the level of every quasi-identifier
 * and the sector and experience items to leave out.
 */
export function toProfileDocument(
	c: PublishableCandidate,
	publication: Publication,
	now = new Date()
): ProfileDocument {
	const qi = quasiIdentifiersOf(c, now);
	const l = publication.levels;
	const p = c.profile;
	const atMunicipality = l.location === 0;
	const municipality = atMunicipality ? municipalities.get(c.municipalityCode)! : null;
	const location = atMunicipality ? c.municipalityCode : c.regionCode;
	const education = HIERARCHIES.education.key(qi, l.education);
	const taskCodes = taskTypes.map((t) => t.code).filter((code) => p.tasks[code] && p.tasks[code] !== 'nee');
	const slug = (code: string) => taskTypeByCode.get(code)!.slug;
	const educationLabel =
		l.education >= 1 ? labelOf(educationGroups, education) : labelOf(educationLevels, education);
	const hidden = new Set(publication.hiddenSectors);
	const shownSectors = p.sectors.filter((s) => !hidden.has(s));
	const hiddenExperience = new Set(publication.hiddenExperience);
	const hours = publishedHours(qi.hours, l.hours);
	const mobility = publishedMobility(qi, l.mobility);
	const travelKm = publishedTravel(qi.travelKm, l.travel);
	const updatedPeriod = HIERARCHIES.updated.key(qi, l.updated);
	const reviewed = c.profileTextState === 'approved';
	const summary = reviewed && !textRestatesWithheld(c.profileText, qi, l) ? c.profileText : '';
	return {
		id: c.publicRef,
		title: dutchTitle(shownSectors, taskCodes),
		summary,
		region: c.regionCode,
		regionName: regionName(c.regionCode),
		municipality: municipality?.code ?? null,
		municipalityName: municipality?.name ?? null,
		educationLevel: education,
		educationLabel,
		sectors: shownSectors,
		sectorLabels: shownSectors.map((code) => labelOf(sectors, code)),
		taskTypes: taskCodes.map(slug),
		taskTypesIndependent: taskCodes.filter((code) => p.tasks[code] === 'ja').map(slug),
		taskTypeLabels: taskCodes.map((code) => taskTypeByCode.get(code)!.label),
		affinities: [...p.affinities],
		affinityLabels: p.affinities.map((code) => labelOf(affinities, code)),
		competences: [...p.competences],
		competenceLabels: p.competences.map((code) => labelOf(competences, code)),
		experience: p.experience.filter((e) => !hiddenExperience.has(e)),
		hoursPerWeek: [hours.min, hours.max],
		hoursMin: hours.min,
		hoursMax: hours.max,
		hoursBand: hours.code,
		dayParts: l.dayParts === 0 ? qi.dayParts : [],
		availability: HIERARCHIES.availability.key(qi, l.availability),
		travelDistanceKm: travelKm,
		reachableMunicipalities: reachableFrom(location, travelKm),
		transport: mobility.transport,
		driversLicence: mobility.licences,
		hasDriversLicence: mobility.hasLicence,
		_geo: centroidOf(location),
		updatedAt: updatedPeriod ? unixSeconds(amsterdamMidnight(periodStart(updatedPeriod))) : 0,
		updatedPeriod,
		publishedAt: Math.floor((c.firstPublishedAt ?? now).getTime() / 1000)
	};
}

/** `YYYY-MM-DD` of the first day of a published period. */
function periodStart(period: string): string {
	const quarter = /^(\d{4})-K([1-4])$/.exec(period);
	if (quarter) return `${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
	return period.length === 4 ? `${period}-01-01` : `${period}-01`;
}
