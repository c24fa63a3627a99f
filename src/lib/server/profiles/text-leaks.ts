import type { Levels, QuasiIdentifiers } from './quasi-identifiers';
import { municipalities } from './reference';

/**
 * k-anonymity generalises what an outsider may know (home municipality, education level, licence
 * categories and transport, travel distance, hours). A consultant's free text that states the withheld detail ("woont in
 * Vlieland", "heeft rijbewijs C") would undo that, so such a text is not published for that profile.
 */
const EDUCATION =
	/\b(v?mbo|mavo|havo|vwo|hbo|wo|vso|praktijkonderwijs|entree(opleiding)?|niveau\s*[1-4]|universiteit|hogeschool|bachelor|master)\b/i;
const LICENCE =
	/\brijbewijs(?:\s+|-)(am|be|b|ce|c|d|t)\b|\b(am|be|b|ce|c|d|t)[- ]rijbewijs\b|\b(vrachtwagen|bus|trekker|aanhanger|brommer)rijbewijs\b/i;
const DISTANCE = /\b\d{1,3}\s*(km|kilometer)\b/i;
const HOURS = /\b\d{1,2}\s*(uur|u\b|uren)/i;
const VEHICLE = /\b(auto|scooter|brommer|bromfiets)\b/i;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function namesOf(municipalityCode: string): string[] {
	const name = municipalities.get(municipalityCode)?.name;
	if (!name) return [];
	const base = name.replace(/\s*\(.*\)$/, '');
	return municipalityCode === 'GM0518' ? [base, "'s-Gravenhage", 's-Gravenhage'] : [base];
}

export function textRestatesWithheld(text: string, qi: QuasiIdentifiers, levels: Levels): boolean {
	if (!text) return false;
	const normalised = text.normalize('NFC');
	if (levels.location >= 1) {
		for (const name of namesOf(qi.municipality)) {
			if (new RegExp(`(^|[^\\p{L}])${escape(name)}($|[^\\p{L}])`, 'iu').test(normalised)) return true;
		}
	}
	if (levels.education >= 1 && EDUCATION.test(normalised)) return true;
	if (levels.mobility >= 1 && (LICENCE.test(normalised) || VEHICLE.test(normalised))) return true;
	if (levels.travel >= 1 && DISTANCE.test(normalised)) return true;
	if (levels.hours >= 1 && HOURS.test(normalised)) return true;
	return false;
}
