import type { CandidateProfile, CandidateRecord } from './candidate-record';

/** The dashboard legend: J = Ja (complete), N = Nee (no profile), L = Leeg (empty), O = Onvolledig. */
export type ProfileQuality = 'J' | 'N' | 'L' | 'O';

/**
 * The UWV counting definition: at least one affinity, one sector and one of the twenty task-type
 * questions registered (any answer, 'nee' included, counts as registered).
 */
export function isComplete(profile: CandidateProfile): boolean {
	return countedParts(profile) === 3;
}

function countedParts(profile: CandidateProfile): number {
	return (
		Number(profile.affinities.length > 0) +
		Number(profile.sectors.length > 0) +
		Number(Object.keys(profile.tasks).length > 0)
	);
}

/**
 * N when nothing at all is recorded, L when something is recorded but none of the three counted parts,
 * O when one or two of them, J when all three.
 */
export function profileQuality(profile: CandidateProfile, profileText: string): ProfileQuality {
	const parts = countedParts(profile);
	if (parts === 3) return 'J';
	if (parts > 0) return 'O';
	const anything =
		profile.education !== null ||
		profile.competences.length > 0 ||
		profile.experience.length > 0 ||
		profile.hoursMin !== null ||
		profile.hoursMax !== null ||
		profile.availableFrom !== null ||
		profile.dayParts.length > 0 ||
		profile.travelKm !== null ||
		profile.transport.length > 0 ||
		profile.licences.length > 0 ||
		profileText !== '';
	return anything ? 'L' : 'N';
}

/**
 * The teldefinitie: registered, an open service, in the target group register, and either the
 * banenafspraak tick or 'beschut werk' (who belong to the target group without that tick).
 */
export function isCounted(record: CandidateRecord): boolean {
	return (
		record.status === 'ingeschreven' &&
		record.serviceEnd === null &&
		record.inRegister &&
		(record.banenafspraak || record.beschutWerk)
	);
}
