import { labelOf, sectors, taskTypeByCode } from './reference';

/** A Dutch headline from the first sectors and task types, e.g. "Wil werken in logistiek en transport; kan orderpicken en inpakken". */
export function dutchTitle(sectorCodes: string[], taskCodes: string[]): string {
	const sectorWords = sectorCodes.slice(0, 2).map((code) => labelOf(sectors, code).toLowerCase());
	const taskWords = taskCodes
		.slice(0, 2)
		.map((code) => (taskTypeByCode.get(code)?.label ?? code).toLowerCase());
	const parts: string[] = [];
	if (sectorWords.length > 0) parts.push(`Wil werken in ${joinDutch(sectorWords)}`);
	if (taskWords.length > 0) parts.push(`${parts.length ? 'kan' : 'Kan'} ${joinDutch(taskWords)}`);
	return parts.length > 0 ? parts.join('; ') : 'Kandidaat zoekt werk';
}

function joinDutch(words: string[]): string {
	return words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} en ${words.at(-1)}`;
}
