import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { municipalities } from '../profiles/reference';
import { PERSONAL_COLUMNS, DATA_COLUMNS, TASK_COLUMNS } from '../import/columns';
import weights from './municipality-postcodes.json';
import { createFaker, fakePerson } from './personal';
import { demoProfile } from './profiles';
import { Random } from './random';
import { profileText } from './texts';

export interface DemoOptions {
	profiles: number;
	seed: number;
}

/** Two columns the format does not know: the importer must skip them unread. */
const EXTRA_COLUMNS = ['notitie_intern', 'exportdatum'];
const HEADER = [...DATA_COLUMNS, ...PERSONAL_COLUMNS, ...EXTRA_COLUMNS];
const postcodes = weights.postcodes as Record<string, string[]>;
const cumulative: [string, number][] = [];
{
	let total = 0;
	for (const [code, list] of Object.entries(postcodes)) cumulative.push([code, (total += list.length)]);
}

function pickMunicipality(r: Random): string {
	const target = r.next() * cumulative[cumulative.length - 1][1];
	let lo = 0;
	let hi = cumulative.length - 1;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (cumulative[mid][1] > target) hi = mid;
		else lo = mid + 1;
	}
	return cumulative[lo][0];
}

const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const DAY = 86_400_000;

/**
 * A deterministic, Sonar-like export of fictitious candidates: all 342 municipalities weighted by their
 * number of postcode areas, believable correlations, a share of incomplete and unpublishable
 * candidates, fake personal data in the personal columns and in some profile texts.
 */
export function* demoRows(options: DemoOptions): Generator<Record<string, string>> {
	const r = new Random(options.seed);
	const faker = createFaker(options.seed);
	const today = Date.UTC(2025, 5, 1);
	for (let i = 0; i < options.profiles; i++) {
		const municipality = pickMunicipality(r);
		const uwv = r.chance(0.58);
		const person = fakePerson(faker, r);
		const p = demoProfile(r);
		const shape = r.weighted([
			['complete', 82],
			['incomplete', 9],
			['empty', 5],
			['none', 4]
		] as const);
		const row: Record<string, string> = {
			klantnummer: uwv ? `U${String(7_000_000 + i)}` : String(300_000 + i),
			gemeentecode: r.chance(0.97) ? municipality : '',
			organisatie: uwv ? 'UWV' : municipality,
			klantmanager_email: `coach${r.int(1, 12)}@${uwv ? 'uwv' : municipality.toLowerCase()}.example`,
			status: r.chance(0.95) ? 'ingeschreven' : 'uitgeschreven',
			dienstverlening_start: day(today - r.int(30, 1500) * DAY),
			dienstverlening_eind: r.chance(0.06) ? day(today - r.int(1, 29) * DAY) : '',
			doelgroepregister: r.chance(0.96) ? 'J' : 'N',
			banenafspraak: '',
			beschut_werk: '',
			doelgroep: uwv
				? r.pick(['Wajong', 'Wajong', 'WW', 'WIA'])
				: r.pick(['Client PW', 'Client PW', 'Partner PW', 'NUG']),
			participatieladder: `0${r.int(1, 6)}${r.chance(0.5) ? ` ${r.pick(['met', 'zonder'])} groeipotentieel` : ''}`,
			laatst_gewijzigd: day(today - r.int(0, 700) * DAY),
			opleidingsniveau: shape === 'none' ? '' : p.education,
			beroepssectoren:
				shape === 'complete' || (shape === 'incomplete' && r.chance(0.5)) ? p.sectors.join('|') : '',
			affiniteiten:
				shape === 'complete' || (shape === 'incomplete' && r.chance(0.5)) ? p.affinities.join('|') : '',
			competenties: shape === 'none' ? '' : p.competences.join('|'),
			uren_min: shape === 'none' ? '' : String(p.hoursMin),
			uren_max: shape === 'none' ? '' : String(p.hoursMax),
			beschikbaar_per: shape === 'none' ? '' : day(today + r.int(-200, 90) * DAY),
			dagdelen: shape === 'none' ? '' : p.dayParts.join('|'),
			reisafstand_km: shape === 'none' ? '' : String(p.travelKm),
			vervoer: shape === 'none' ? '' : p.transport.join('|'),
			rijbewijs: p.licences.join('|'),
			werkervaring: p.experience.join('|'),
			profieltekst: shape === 'complete' && r.chance(0.75) ? profileText(r, p, person) : '',
			...person,
			postcode: `${r.pick(postcodes[municipality])} ${String.fromCharCode(65 + r.int(0, 25), 65 + r.int(0, 25))}`,
			woonplaats: municipalities.get(municipality)!.name,
			notitie_intern: r.chance(0.3) ? `Gebeld met ${person.naam} op ${person.telefoon}` : '',
			exportdatum: day(today)
		};
		const beschut = r.chance(0.06);
		row.beschut_werk = beschut ? 'J' : 'N';
		row.banenafspraak = beschut ? 'N' : r.chance(0.95) ? 'J' : 'N';
		const tasksOn = shape === 'complete' || (shape === 'incomplete' && !row.beroepssectoren);
		for (const [n, column] of TASK_COLUMNS.entries()) row[column] = tasksOn ? (p.tasks.get(n + 1) ?? '') : '';
		yield row;
	}
}

function csvField(value: string): string {
	return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes the demo export as `;`-separated UTF-8, with backpressure so 100k rows stay small in memory. */
export async function writeDemoCsv(target: string | Writable, options: DemoOptions): Promise<void> {
	const out = typeof target === 'string' ? createWriteStream(target) : target;
	let chunk = HEADER.join(';') + '\n';
	for (const row of demoRows(options)) {
		chunk += HEADER.map((column) => csvField(row[column] ?? '')).join(';') + '\n';
		if (chunk.length > 256 * 1024) {
			if (!out.write(chunk)) await once(out, 'drain');
			chunk = '';
		}
	}
	out.end(chunk);
	await once(out, 'finish');
}
