import lists from '../../reference/lists.json';
import places from '../../reference/places.json';

/** The reference lists (data in lists.json) as lookups, so codes are checked against data, not code. */
export interface Labelled {
	code: string;
	label: string;
}

const byCode = <T extends Labelled>(items: T[]) => new Map(items.map((item) => [item.code, item]));

export const educationLevels = byCode(lists.educationLevels);
export const educationGroups = byCode(lists.educationGroups);
export const sectors = byCode(lists.sectors);
export const affinities = byCode(lists.affinities);
export const competences = byCode(lists.competences);
export const transportModes = byCode(lists.transport);
export const driversLicences = byCode(lists.driversLicences);
export const taskTypes = lists.taskTypes;
export const taskTypeByCode = byCode(lists.taskTypes);
export const taskAnswers = new Set(lists.taskAnswers.map((answer) => answer.code));
export const dayParts = new Set(
	lists.dayParts.days.flatMap((day) => lists.dayParts.parts.map((part) => `${day.code}-${part.code}`))
);

export type TaskAnswer = 'ja' | 'met begeleiding' | 'nee';

export interface Municipality {
	code: string;
	name: string;
	region: string;
	lat: number;
	lon: number;
}

export const municipalities = new Map<string, Municipality>(places.municipalities.map((m) => [m.code, m]));
export const regions = new Map<string, { code: string; name: string }>(
	places.regions.map((r) => [r.code, r])
);

export function labelOf(map: Map<string, Labelled>, code: string): string {
	return map.get(code)?.label ?? code;
}
