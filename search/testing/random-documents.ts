/**
 * Deterministic synthetic profiles for benchmarks and property tests: realistic shapes (array facets,
 * hour ranges, null municipalities, Dutch words) from a seeded generator, so failures reproduce.
 */
import type { ProfileDocument } from '../document';

export function seededRandom(seed: number): () => number {
	let state = seed >>> 0 || 1;
	return () => {
		// mulberry32
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const SECTORS = [
	'logistiek',
	'zorg',
	'horeca',
	'detailhandel',
	'schoonmaak',
	'groen',
	'bouw',
	'ict',
	'productie',
	'administratie'
];
const SECTOR_LABELS: Record<string, string> = {
	logistiek: 'Logistiek',
	zorg: 'Zorg en welzijn',
	horeca: 'Horeca',
	detailhandel: 'Detailhandel',
	schoonmaak: 'Schoonmaak',
	groen: 'Groen en tuin',
	bouw: 'Bouw',
	ict: 'ICT',
	productie: 'Productie',
	administratie: 'Administratie'
};
const TASKS = [
	'orderpicken',
	'inpakken',
	'koken',
	'afwassen',
	'kassawerk',
	'vakken-vullen',
	'schoonmaken',
	'snoeien',
	'data-invoer',
	'bezorgen',
	'verzorgen',
	'heftruck-rijden'
];
const WORDS = [
	'ervaring',
	'graag',
	'werken',
	'team',
	'zelfstandig',
	'nauwkeurig',
	'vriendelijk',
	'klanten',
	'buiten',
	'binnen',
	'ochtend',
	'middag',
	'rustig',
	'afwisselend',
	'leren',
	'stage',
	'diploma',
	'rijbewijs',
	'fiets',
	'ploegendienst',
	'weekend',
	'parttime',
	'fulltime',
	'coördinator',
	'café',
	'magazijn',
	'keuken',
	'winkel',
	'tuin',
	'computer'
];
const EDUCATION = ['laag', 'mbo', 'hoog', 'mbo-1', 'mbo-2', 'hbo'];
const DAY_PARTS = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'].flatMap((d) => [
	`${d}-ochtend`,
	`${d}-middag`,
	`${d}-avond`
]);
const TRANSPORT = ['fiets', 'auto', 'ov', 'scooter'];
const LICENCES = ['B', 'BE', 'C', 'AM'];

export function randomProfileDocuments(count: number, seed = 1): ProfileDocument[] {
	const rnd = seededRandom(seed);
	const int = (n: number) => Math.floor(rnd() * n);
	const pick = <T>(list: readonly T[]): T => list[int(list.length)];
	const some = <T>(list: readonly T[], max: number): T[] => [
		...new Set(Array.from({ length: int(max + 1) }, () => pick(list)))
	];
	const syllables = [
		'ka',
		'lo',
		'mi',
		'ter',
		'van',
		'sen',
		'dor',
		'pel',
		'rij',
		'hof',
		'berg',
		'wijk',
		'ste',
		'gaar'
	];
	const pseudoWord = () => Array.from({ length: 2 + int(3) }, () => pick(syllables)).join('');
	const docs: ProfileDocument[] = [];
	for (let i = 0; i < count; i++) {
		const sectors = some(SECTORS, 3);
		const taskTypes = some(TASKS, 4);
		const hoursMin = 4 * (1 + int(8));
		const hoursMax = Math.min(40, hoursMin + 4 * int(6));
		const generalised = rnd() < 0.1;
		const municipalityNumber = 1 + int(342);
		const regionNumber = 1 + int(35);
		const updatedAt = 1_700_000_000 + int(400) * 86_400;
		const licences = rnd() < 0.4 ? some(LICENCES, 2) : [];
		docs.push({
			id: `KV-${String(i).padStart(7, '0')}`,
			title: `Wil werken in ${sectors.map((s) => SECTOR_LABELS[s].toLowerCase()).join(', ') || 'diverse sectoren'}; kan ${taskTypes.join(', ')}`,
			summary: Array.from({ length: 10 + int(40) }, () => (rnd() < 0.7 ? pick(WORDS) : pseudoWord())).join(
				' '
			),
			region: `AM${String(regionNumber).padStart(2, '0')}`,
			regionName: `Regio ${pseudoWord()}`,
			municipality: generalised ? null : `GM${String(municipalityNumber).padStart(4, '0')}`,
			municipalityName: generalised ? null : `${pseudoWord()}${pick(['dam', 'dorp', 'veen', 'horst'])}`,
			educationLevel: pick(EDUCATION),
			educationLabel: pick(['Basisonderwijs', 'MBO niveau 2', 'HBO bachelor', 'VMBO']),
			sectors,
			sectorLabels: sectors.map((s) => SECTOR_LABELS[s]),
			taskTypes,
			taskTypesIndependent: taskTypes.filter(() => rnd() < 0.5),
			taskTypeLabels: taskTypes.map((t) => t.replace(/-/g, ' ')),
			affinities: some(['dieren', 'techniek', 'mensen', 'natuur', 'muziek'], 2),
			affinityLabels: [],
			competences: some(['samenwerken', 'plannen', 'communiceren', 'nauwkeurig', 'stressbestendig'], 3),
			competenceLabels: [],
			experience: some(SECTORS, 2),
			hoursPerWeek: [hoursMin, hoursMax],
			hoursMin,
			hoursMax,
			dayParts: some(DAY_PARTS, 6),
			hoursBand: pick(['tot-12', '12-20', '20-28', '28-36', '36-plus']),
			availability: pick(['direct', 'binnen-1-maand', 'binnen-3-maanden', 'later']),
			travelDistanceKm: pick([5, 10, 15, 25, 50]),
			reachableMunicipalities: Array.from(
				{ length: int(12) },
				() => `GM${String(1 + int(342)).padStart(4, '0')}`
			),
			transport: some(TRANSPORT, 2),
			driversLicence: licences,
			hasDriversLicence: licences.length > 0,
			_geo: { lat: 50.8 + rnd() * 2.6, lng: 3.4 + rnd() * 3.6 },
			updatedAt,
			updatedPeriod: '2024-01',
			publishedAt: updatedAt - int(100) * 86_400
		});
	}
	return docs;
}
