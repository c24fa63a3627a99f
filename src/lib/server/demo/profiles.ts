import type { Random } from './random';

/** Assumed shares for a population with a distance to the labour market (demo only, not statistics). */
export const EDUCATION: [string, number][] = [
	['geen', 10],
	['praktijkonderwijs', 12],
	['vso', 12],
	['vmbo-bk', 15],
	['vmbo-gt', 7],
	['mbo-1', 12],
	['mbo-2', 13],
	['mbo-3', 6],
	['mbo-4', 4],
	['havo-vwo', 3],
	['hbo', 2],
	['wo', 1],
	['onbekend', 3]
];

const GROUP: Record<string, 'laag' | 'mbo' | 'hoog' | 'onbekend'> = {
	geen: 'laag',
	praktijkonderwijs: 'laag',
	vso: 'laag',
	'vmbo-bk': 'laag',
	'vmbo-gt': 'laag',
	'mbo-1': 'mbo',
	'mbo-2': 'mbo',
	'mbo-3': 'mbo',
	'mbo-4': 'mbo',
	'havo-vwo': 'hoog',
	hbo: 'hoog',
	wo: 'hoog',
	onbekend: 'onbekend'
};

/** Sectors by education group, most typical first. */
const SECTORS: Record<string, string[]> = {
	laag: [
		'facilitair-schoonmaak',
		'productie-industrie',
		'logistiek-transport',
		'agrarisch-groen-dieren',
		'horeca-keuken',
		'detailhandel',
		'bouw-infra',
		'overig'
	],
	mbo: [
		'logistiek-transport',
		'detailhandel',
		'zorg-welzijn',
		'techniek-installatie',
		'horeca-keuken',
		'administratie',
		'productie-industrie',
		'facilitair-schoonmaak',
		'cultuur-recreatie-sport'
	],
	hoog: [
		'administratie',
		'ict',
		'zorg-welzijn',
		'onderwijs-kinderopvang',
		'overheid-beveiliging',
		'cultuur-recreatie-sport',
		'detailhandel'
	],
	onbekend: ['facilitair-schoonmaak', 'logistiek-transport', 'detailhandel', 'horeca-keuken', 'overig']
};

/** Task types (taak_NN) that fit a sector. */
const TASKS: Record<string, number[]> = {
	'facilitair-schoonmaak': [1, 18, 19, 11],
	'productie-industrie': [2, 3, 4, 5],
	'logistiek-transport': [6, 2, 3, 20],
	'agrarisch-groen-dieren': [9, 10, 3],
	'horeca-keuken': [11, 12, 13, 1],
	detailhandel: [7, 8, 2],
	'bouw-infra': [19, 9, 5],
	overig: [1, 2, 20],
	'zorg-welzijn': [18, 12, 17, 1],
	'techniek-installatie': [19, 4, 5],
	administratie: [16, 15, 14, 17],
	ict: [16, 15],
	'onderwijs-kinderopvang': [12, 17],
	'overheid-beveiliging': [17, 14],
	'cultuur-recreatie-sport': [13, 17, 1]
};

const AFFINITIES: Record<string, string[]> = {
	'facilitair-schoonmaak': ['vaste-structuur', 'binnen', 'met-handen', 'alleen'],
	'productie-industrie': ['met-machines-techniek', 'met-handen', 'vaste-structuur', 'in-een-team'],
	'logistiek-transport': ['in-een-team', 'met-handen', 'binnen', 'afwisseling'],
	'agrarisch-groen-dieren': ['buiten', 'met-planten-natuur', 'met-dieren', 'met-handen'],
	'horeca-keuken': ['met-voedsel', 'in-een-team', 'met-mensen', 'afwisseling'],
	detailhandel: ['met-mensen', 'in-een-team', 'binnen'],
	'bouw-infra': ['buiten', 'met-handen', 'met-machines-techniek'],
	overig: ['afwisseling', 'met-handen'],
	'zorg-welzijn': ['met-mensen', 'in-een-team', 'afwisseling'],
	'techniek-installatie': ['met-machines-techniek', 'met-handen', 'afwisseling'],
	administratie: ['met-computers', 'met-cijfers', 'vaste-structuur', 'alleen'],
	ict: ['met-computers', 'alleen', 'met-cijfers'],
	'onderwijs-kinderopvang': ['met-mensen', 'afwisseling'],
	'overheid-beveiliging': ['met-mensen', 'vaste-structuur', 'buiten'],
	'cultuur-recreatie-sport': ['met-mensen', 'buiten', 'afwisseling']
};

const COMPETENCES = [
	'betrouwbaar',
	'instructies-opvolgen',
	'samenwerken',
	'nauwkeurig',
	'flexibel',
	'klantvriendelijk',
	'zelfstandig-werken',
	'doorzetten',
	'leergierig',
	'fysiek-belastbaar',
	'communiceren',
	'omgaan-met-drukte',
	'hygienisch-werken',
	'verantwoordelijkheid-nemen'
];

export interface DemoProfile {
	education: string;
	sectors: string[];
	experience: string[];
	affinities: string[];
	competences: string[];
	tasks: Map<number, string>;
	hoursMin: number;
	hoursMax: number;
	dayParts: string[];
	travelKm: number;
	transport: string[];
	licences: string[];
}

export function demoProfile(r: Random): DemoProfile {
	const education = r.weighted(EDUCATION);
	const group = GROUP[education];
	const sectors = r.some(SECTORS[group], r.int(1, 3));
	const tasks = new Map<number, string>();
	for (const sector of sectors) {
		for (const task of r.some(TASKS[sector], r.int(1, 3))) {
			tasks.set(
				task,
				r.weighted([
					['ja', group === 'laag' ? 4 : 6],
					['met begeleiding', group === 'laag' ? 5 : 2]
				])
			);
		}
	}
	if (r.chance(0.3)) tasks.set(r.int(1, 20), 'nee');
	const licences: string[] = [];
	const driverChance = group === 'laag' ? 0.2 : group === 'mbo' ? 0.4 : 0.55;
	if (r.chance(driverChance)) {
		licences.push('B');
		if (r.chance(0.12)) licences.push('BE');
		if (sectors.includes('logistiek-transport') && r.chance(0.25)) licences.push('C');
	} else if (r.chance(0.15)) licences.push('AM');
	if (sectors.includes('agrarisch-groen-dieren') && r.chance(0.3)) licences.push('T');
	const transport = ['fiets'];
	if (r.chance(0.55)) transport.push('ov');
	if (licences.includes('B') && r.chance(0.8)) transport.push('auto');
	if (licences.includes('AM')) transport.push('scooter');
	if (r.chance(0.2)) transport.push('lopend');
	const travelKm = transport.includes('auto')
		? r.int(15, 45)
		: transport.includes('ov')
			? r.int(8, 30)
			: r.int(2, 12);
	const hoursMin = r.pick([8, 12, 16, 20, 24, 32]);
	const hoursMax = Math.min(40, hoursMin + r.pick([0, 4, 8, 12, 16]));
	const days = r.some(['ma', 'di', 'wo', 'do', 'vr', 'za'], r.int(2, 5));
	const parts = r.chance(0.5) ? ['ochtend'] : ['ochtend', 'middag'];
	return {
		education,
		sectors,
		experience: r.chance(0.6) ? r.some(sectors, 1) : [],
		affinities: [...new Set(sectors.flatMap((s) => r.some(AFFINITIES[s], 2)))].slice(0, 4),
		competences: r.some(COMPETENCES, r.int(2, 5)),
		tasks,
		hoursMin,
		hoursMax,
		dayParts: days.flatMap((d) => parts.map((p) => `${d}-${p}`)),
		travelKm,
		transport,
		licences
	};
}
