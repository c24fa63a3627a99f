/**
 * Forty hand-made profiles with hand-checked expectations: twelve with something to find (named by
 * letter) and 28 identical "bouw" fillers that make counts easy to verify by eye.
 */
import type { ProfileDocument } from '../document';

const AMSTERDAM = { lat: 52.3676, lng: 4.9041 };
const ROTTERDAM = { lat: 51.9225, lng: 4.4792 };
const SCHIEDAM = { lat: 51.919, lng: 4.3988 };
const UTRECHT = { lat: 52.0907, lng: 5.1214 };

function profile(id: string, overrides: Partial<ProfileDocument>): ProfileDocument {
	const hours = overrides.hoursPerWeek ?? [8, 16];
	return {
		id,
		title: 'Zoekt werk in de bouw',
		summary: '',
		region: 'AM01',
		regionName: 'Groot Amsterdam',
		municipality: 'GM0363',
		municipalityName: 'Amsterdam',
		educationLevel: 'laag',
		educationLabel: 'Basisonderwijs',
		sectors: ['bouw'],
		sectorLabels: ['Bouw'],
		taskTypes: ['sjouwen'],
		taskTypesIndependent: ['sjouwen'],
		taskTypeLabels: ['Sjouwen'],
		affinities: [],
		affinityLabels: [],
		competences: [],
		competenceLabels: [],
		experience: [],
		hoursBand: '12-20',
		dayParts: ['ochtend'],
		availability: 'direct',
		travelDistanceKm: 10,
		reachableMunicipalities: ['GM0363'],
		transport: ['fiets'],
		driversLicence: [],
		hasDriversLicence: false,
		_geo: AMSTERDAM,
		updatedAt: 1_700_000_000,
		updatedPeriod: '2023-11',
		publishedAt: 1_690_000_000,
		...overrides,
		hoursPerWeek: hours,
		hoursMin: hours[0],
		hoursMax: hours[1]
	};
}

const featured: ProfileDocument[] = [
	profile('KV-A', {
		title: 'Wil werken in logistiek; kan orderpicken',
		summary: 'Ik heb ervaring met orderpicken en heftruck rijden.',
		region: 'AM02',
		regionName: 'Rijnmond',
		municipality: 'GM0599',
		municipalityName: 'Rotterdam',
		educationLevel: 'mbo',
		educationLabel: 'MBO 2-4',
		sectors: ['logistiek'],
		sectorLabels: ['Logistiek'],
		taskTypes: ['orderpicken', 'heftruck'],
		taskTypesIndependent: ['orderpicken'],
		taskTypeLabels: ['Orderpicken', 'Heftruck rijden'],
		hoursPerWeek: [24, 40],
		dayParts: ['ma-ochtend', 'di-ochtend'],
		travelDistanceKm: 25,
		reachableMunicipalities: ['GM0599', 'GM0606'],
		transport: ['auto'],
		driversLicence: ['B'],
		hasDriversLicence: true,
		_geo: ROTTERDAM,
		availability: 'binnen-1-maand',
		updatedAt: 1_700_100_000
	}),
	profile('KV-B', {
		title: 'Kandidaat zoekt werk',
		summary: 'Werkte drie jaar in een magazijn.',
		region: 'AM02',
		regionName: 'Rijnmond',
		municipality: 'GM0606',
		municipalityName: 'Schiedam',
		sectors: ['productie'],
		sectorLabels: ['Productie'],
		taskTypes: ['inpakken'],
		taskTypesIndependent: [],
		taskTypeLabels: ['Inpakken'],
		hoursPerWeek: [32, 40],
		_geo: SCHIEDAM,
		updatedAt: 1_700_200_000
	}),
	profile('KV-C', {
		title: 'Wil werken in zorg en welzijn',
		region: 'AM03',
		regionName: 'Midden-Utrecht',
		municipality: 'GM0344',
		municipalityName: 'Utrecht',
		educationLevel: 'hoog',
		educationLabel: 'HBO',
		sectors: ['zorg'],
		sectorLabels: ['Zorg en welzijn'],
		taskTypes: ['verzorgen'],
		taskTypesIndependent: ['verzorgen'],
		taskTypeLabels: ['Verzorgen'],
		hoursPerWeek: [16, 20],
		driversLicence: ['B', 'BE'],
		hasDriversLicence: true,
		_geo: UTRECHT,
		updatedAt: 1_700_300_000
	}),
	profile('KV-D', {
		title: 'Kan koken in een grote keuken',
		region: 'AM03',
		regionName: 'Midden-Utrecht',
		municipality: 'GM0344',
		municipalityName: 'Utrecht',
		sectors: ['horeca'],
		sectorLabels: ['Horeca'],
		taskTypes: ['koken'],
		taskTypesIndependent: ['koken'],
		taskTypeLabels: ['Koken'],
		hoursPerWeek: [20, 36],
		_geo: UTRECHT,
		updatedAt: 1_699_000_000
	}),
	profile('KV-E', {
		title: 'Kandidaat zoekt werk',
		summary: 'Coördinator in een café, daarna barista.',
		sectors: ['horeca'],
		sectorLabels: ['Horeca'],
		taskTypes: ['bediening'],
		taskTypesIndependent: [],
		taskTypeLabels: ['Bediening'],
		hoursPerWeek: [12, 24]
	}),
	profile('KV-F', {
		title: 'Wil werken in schoonmaak',
		municipality: null,
		municipalityName: null,
		sectors: ['schoonmaak'],
		sectorLabels: ['Schoonmaak'],
		taskTypes: ['schoonmaken'],
		taskTypesIndependent: ['schoonmaken'],
		taskTypeLabels: ['Schoonmaken'],
		hoursPerWeek: [4, 12],
		_geo: { lat: 52.35, lng: 4.95 }
	}),
	profile('KV-G', {
		title: 'Wil werken in detailhandel; kan kassawerk',
		educationLevel: 'mbo',
		educationLabel: 'MBO 2-4',
		sectors: ['detailhandel'],
		sectorLabels: ['Detailhandel'],
		taskTypes: ['kassawerk'],
		taskTypesIndependent: ['kassawerk'],
		taskTypeLabels: ['Kassawerk'],
		hoursPerWeek: [16, 24]
	}),
	profile('KV-H', {
		title: 'Administratief medewerker',
		region: 'AM04',
		regionName: 'Zaanstreek/Waterland',
		municipality: 'GM0479',
		municipalityName: 'Zaanstad',
		sectors: ['administratie'],
		sectorLabels: ['Administratie'],
		taskTypes: ['data-invoer'],
		taskTypesIndependent: [],
		taskTypeLabels: ['Data invoer'],
		hoursPerWeek: [36, 40],
		_geo: { lat: 52.4391, lng: 4.8258 }
	}),
	profile('KV-I', {
		title: 'Wil werken in het groen; kan snoeien',
		region: 'AM03',
		regionName: 'Midden-Utrecht',
		municipality: 'GM0344',
		municipalityName: 'Utrecht',
		sectors: ['groen'],
		sectorLabels: ['Groen en tuin'],
		taskTypes: ['snoeien'],
		taskTypesIndependent: ['snoeien'],
		taskTypeLabels: ['Snoeien'],
		experience: ['groen'],
		hoursPerWeek: [24, 32],
		_geo: UTRECHT
	}),
	profile('KV-J', {
		title: 'Wil werken met computers',
		summary: 'Kan goed overweg met Excel.',
		sectors: ['ict'],
		sectorLabels: ['ICT'],
		taskTypes: ['data-invoer'],
		taskTypesIndependent: ['data-invoer'],
		taskTypeLabels: ['Data invoer'],
		hoursPerWeek: [40, 40]
	}),
	profile('KV-K', {
		title: 'Chauffeur met rijbewijs C',
		region: 'Quote "x" \\ back',
		regionName: 'Testregio',
		municipality: null,
		municipalityName: null,
		sectors: ['logistiek'],
		sectorLabels: ['Logistiek'],
		taskTypes: ['rijden'],
		taskTypesIndependent: ['rijden'],
		taskTypeLabels: ['Rijden'],
		hoursPerWeek: [32, 40],
		travelDistanceKm: 50,
		driversLicence: ['B', 'C'],
		hasDriversLicence: true
	}),
	profile('KV-L', {
		title: 'Kandidaat zoekt werk',
		region: 'Kolon: waarde',
		regionName: 'Testregio',
		municipality: null,
		municipalityName: null,
		sectors: ['zorg'],
		sectorLabels: ['Zorg en welzijn'],
		taskTypes: ['verzorgen'],
		taskTypesIndependent: [],
		taskTypeLabels: ['Verzorgen'],
		hoursPerWeek: [20, 28]
	})
];

const fillers = Array.from({ length: 28 }, (_, i) =>
	profile(`KV-F${String(i + 1).padStart(2, '0')}`, { updatedAt: 1_700_000_000 + i + 1 })
);

export const FIXTURE_DOCUMENTS: readonly ProfileDocument[] = [...featured, ...fillers];
export const FILLER_IDS = fillers.map((d) => d.id);
