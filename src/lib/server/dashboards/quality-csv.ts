import { toCsv } from './csv';
import { QUALITY_CODES, QUALITY_LABELS, type CompletenessRow } from './quality';
import type { WorklistItem } from './worklist';

export function completenessCsv(rows: CompletenessRow[], total: CompletenessRow): string {
	return toCsv(
		['Code', 'Gemeente', ...QUALITY_CODES.map((q) => `${q} = ${QUALITY_LABELS[q]}`), 'Totaal'],
		[...rows, total].map((r) => [r.code, r.name, ...QUALITY_CODES.map((q) => r.counts[q]), r.total])
	);
}

const growth = (g: boolean | null) =>
	g === null ? '' : g ? 'met groeipotentieel' : 'zonder groeipotentieel';

export function worklistCsv(items: WorklistItem[], municipalityName: (code: string) => string): string {
	return toCsv(
		[
			'Klantnummer',
			'Organisatie',
			'Gemeente',
			'Profiel',
			'Ontbreekt',
			'Participatieladder',
			'Groeipotentieel',
			'Klantmanager',
			'Laatst gewijzigd'
		],
		items.map((i) => [
			i.klantnummer,
			i.organisation,
			municipalityName(i.municipalityCode),
			i.quality,
			i.missing.join(', '),
			i.participatieladder,
			growth(i.groeipotentieel),
			i.klantmanager,
			i.lastUpdated
		])
	);
}
