import type { ProfileDocument } from '$search/document';
import { facetValueLabel, FACETS } from './facets';
import { availabilityLabel, hoursLabel } from '$lib/reference/published-values';
import type { Workplace } from './search-query';
import type { SearchState } from './search-state';

const normalise = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Plain-Dutch reasons why a profile turned up for the search the employer came from, so they can judge
 * the match without reading every field. Only what the search asked for is mentioned.
 */
export function matchReasons(
	doc: ProfileDocument,
	state: SearchState,
	workplace: Workplace | null
): string[] {
	const reasons: string[] = [];
	for (const facet of FACETS) {
		const wanted = state.refinements[facet.attribute] ?? [];
		const raw = (doc as unknown as Record<string, unknown>)[facet.attribute];
		const values = Array.isArray(raw) ? (raw as string[]) : raw ? [String(raw)] : [];
		const hits = wanted.filter((w) => values.includes(w));
		if (hits.length) {
			reasons.push(`${facet.label}: ${hits.map((h) => facetValueLabel(facet.attribute, h)).join(', ')}`);
		}
	}
	if (state.hoursMin !== null || state.hoursMax !== null) {
		reasons.push(
			`Wil werken: ${hoursLabel(doc.hoursBand).toLowerCase()}; u zocht ${state.hoursMin ?? 0} tot ${state.hoursMax ?? 'meer'} uur`
		);
	}
	if (state.availability) reasons.push(availabilityLabel(doc.availability));
	if (workplace && doc.reachableMunicipalities.includes(workplace.code)) {
		reasons.push(
			doc.travelDistanceKm
				? `Kan ${workplace.name} bereiken (reist tot ${doc.travelDistanceKm} km)`
				: `Kan ${workplace.name} bereiken`
		);
	}
	const words = normalise(state.q)
		.split(/[^\p{L}\p{N}]+/u)
		.filter((w) => w.length > 1);
	if (words.length) {
		const fields: [string, string][] = [
			['de titel', doc.title],
			['de sectoren', doc.sectorLabels.join(' ')],
			['de taken', doc.taskTypeLabels.join(' ')],
			['de beschrijving', doc.summary],
			['de vaardigheden', doc.competenceLabels.join(' ')],
			['wat iemand graag doet', doc.affinityLabels.join(' ')]
		];
		const found = fields
			.filter(([, text]) => words.some((w) => normalise(text).includes(w)))
			.map(([name]) => name);
		if (found.length) reasons.push(`Uw zoekwoorden staan in ${found.join(', ')}`);
	}
	return reasons;
}
