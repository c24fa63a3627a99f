import { labelOf, sectors } from '../profiles/reference';
import type { FakePerson } from './personal';
import type { DemoProfile } from './profiles';
import type { Random } from './random';

const OPENINGS = [
	'Gemotiveerde kandidaat die graag aan de slag gaat.',
	'Rustige en betrouwbare werker die houdt van duidelijke afspraken.',
	'Enthousiaste kandidaat met doorzettingsvermogen.',
	'Werkt het liefst in een vast team met een vaste begeleider.',
	'Is op zoek naar een werkplek waar hij of zij kan groeien.'
];

/**
 * A consultant-style profile text. About one in ten slips in personal data (name, phone number,
 * e-mail), as real texts sometimes do, so the scrubber and the review hold are exercised.
 */
export function profileText(r: Random, p: DemoProfile, person: FakePerson): string {
	const sector = labelOf(sectors, p.sectors[0] ?? 'overig').toLowerCase();
	const parts = [
		r.pick(OPENINGS),
		`Wil graag werken in ${sector}, ${p.hoursMin === p.hoursMax ? `${p.hoursMin}` : `${p.hoursMin} tot ${p.hoursMax}`} uur per week.`
	];
	if (p.licences.includes('B')) parts.push('Heeft een rijbewijs B.');
	const leak = r.next();
	if (leak < 0.04) parts.push(`${person.voornamen.split(' ')[0]} is snel inzetbaar.`);
	else if (leak < 0.07) parts.push(`Bel voor meer informatie ${person.telefoon}.`);
	else if (leak < 0.09) parts.push(`Mail gerust naar ${person.email}.`);
	return parts.join(' ');
}
