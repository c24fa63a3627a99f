/**
 * Profiles written for the behaviours where a simpler engine would part from Meilisearch: word order,
 * compounds, typos, phrases, exclusions, cropping, sorting mixed types and geo rounding. Kept apart from
 * FIXTURE_DOCUMENTS so the counts checked there stay as they are.
 */
import type { ProfileDocument } from '../document';

function profile(id: string, overrides: Partial<ProfileDocument>): ProfileDocument {
	return {
		id,
		title: '',
		summary: '',
		region: 'AM01',
		regionName: 'Groot Amsterdam',
		municipality: 'GM0363',
		municipalityName: 'Amsterdam',
		educationLevel: 'laag',
		educationLabel: 'Basisonderwijs',
		sectors: ['overig'],
		sectorLabels: [],
		taskTypes: [],
		taskTypesIndependent: [],
		taskTypeLabels: [],
		affinities: [],
		affinityLabels: [],
		competences: [],
		competenceLabels: [],
		experience: [],
		hoursPerWeek: [8, 16],
		hoursMin: 8,
		hoursMax: 16,
		dayParts: ['ma-ochtend'],
		hoursBand: '12-20',
		availability: 'direct',
		updatedPeriod: '2023-11',
		travelDistanceKm: 10,
		reachableMunicipalities: ['GM0363'],
		transport: ['fiets'],
		driversLicence: [],
		hasDriversLicence: false,
		_geo: { lat: 52, lng: 5 },
		updatedAt: 1_700_000_000,
		publishedAt: 1_690_000_000,
		...overrides
	};
}

/** Meilisearch accepts any JSON value; a few profiles carry text where others carry a number. */
const mixed = (value: string) => value as unknown as number;

export const PARITY_DOCUMENTS: ProfileDocument[] = [
	profile('P-HEF', { title: 'Heftruck rijden en orderpicken', sectors: ['logistiek'] }),
	profile('P-SCH', { title: 'Aan de slag in de schoonmaak', sectors: ['schoonmaak'] }),
	// Both hold "verkeersregelaar" and "evenementen"; standing together ranks first despite coming second.
	profile('P-FAR', {
		title: 'Verkeersregelaar, daarna vele jaren vrijwilliger bij evenementen',
		sectors: ['overig']
	}),
	profile('P-NEAR', { title: 'Verkeersregelaar evenementen', sectors: ['overig'] }),
	profile('P-SOEP', {
		summary:
			'Bakte vroeger brood bij een bakker in de stad. Later werkte ze jaren als vrijwilliger in een buurthuis, waar ze voor de bewoners soep en brood maakte. Ze houdt van een vaste structuur.',
		sectors: ['overig']
	}),
	profile('P-ETEN', { title: 'Eten bereiden in een grote keuken', sectors: ['horeca'] }),
	profile('P-GRILL', {
		title: 'Bereiden van eten',
		summary: 'Stond jaren aan de grill.',
		sectors: ['horeca']
	}),
	profile('P-VAK', { title: 'Vakken vullen in een supermarkt', sectors: ['detailhandel'] }),
	profile('P-VUL', { title: 'Ervaren vakkenvuller', sectors: ['detailhandel'] }),
	profile('P-N1', { sectors: ['sorteer'], publishedAt: 1_700_000_200 }),
	profile('P-S1', { sectors: ['sorteer'], publishedAt: mixed('direct') }),
	profile('P-N2', { sectors: ['sorteer'], publishedAt: 1_700_000_100 }),
	profile('P-S2', { sectors: ['sorteer'], publishedAt: mixed('in overleg') }),
	// 0.1 degree of latitude north of (52, 5): 11,119.49 m on Meilisearch's sphere of 6,371,000 m.
	profile('P-GEO', { sectors: ['geo'], _geo: { lat: 52.1, lng: 5 } })
];
