import type { TaskAnswer } from './reference';

/** The candidate-facing profile as validated codes; stored as `candidates.profile`. */
export interface CandidateProfile {
	education: string | null;
	sectors: string[];
	affinities: string[];
	competences: string[];
	experience: string[];
	/** Only answered questions, keyed by `taak_01`..`taak_20`. */
	tasks: Record<string, TaskAnswer>;
	hoursMin: number | null;
	hoursMax: number | null;
	/** `YYYY-MM-DD`. */
	availableFrom: string | null;
	dayParts: string[];
	travelKm: number | null;
	transport: string[];
	licences: string[];
}

export type ProfileTextState = 'none' | 'clean' | 'review' | 'approved' | 'rejected';

/**
 * One validated export row without any personal column: what the importer may store. The klantnummer is
 * here only to find the candidate; it is written to `candidate_source_ids` and nowhere else.
 */
export interface CandidateRecord {
	organisation: string;
	klantnummer: string;
	municipalityCode: string;
	regionCode: string;
	status: 'ingeschreven' | 'uitgeschreven';
	serviceStart: string;
	serviceEnd: string | null;
	inRegister: boolean;
	banenafspraak: boolean;
	beschutWerk: boolean;
	doelgroep: string | null;
	participatieladder: number | null;
	groeipotentieel: boolean | null;
	klantmanagerEmail: string | null;
	sourceUpdatedAt: string;
	profile: CandidateProfile;
	/** Scrubbed text; the original never leaves the parser. */
	profileText: string;
	profileTextState: ProfileTextState;
}
