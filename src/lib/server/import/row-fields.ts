import { municipalities } from '../profiles/reference';
import type { RowPersonalValues } from '../profiles/scrub-text';
import type { RowReader } from './columns';
import type { ValidationContext } from './validate-row';

export function residence(
	get: RowReader,
	context: ValidationContext,
	fail: (c: string, r: string) => void
): string | null {
	const code = get('gemeentecode').trim().toUpperCase();
	if (code !== '') {
		if (municipalities.has(code)) return code;
		fail('gemeentecode', 'Onbekende gemeentecode (gebruik de CBS-code GMxxxx).');
		return null;
	}
	const postcode4 = /^([1-9]\d{3})\s?[a-z]{0,2}$/i.exec(get('postcode').trim())?.[1];
	const fromPostcode = postcode4 ? context.postcodes.get(postcode4) : undefined;
	if (fromPostcode) return fromPostcode;
	fail('gemeentecode', 'Gemeentecode ontbreekt en de postcode geeft geen bekende gemeente.');
	return null;
}

export function parseLadder(value: string): { step: number; growth: boolean | null } | null | undefined {
	const v = value.trim().toLowerCase().replace(/\s+/g, ' ');
	if (v === '') return null;
	const m = /^0?([1-6])(?: (met|zonder) groeipotentieel)?$/.exec(v);
	if (!m) return undefined;
	return { step: Number(m[1]), growth: m[2] ? m[2] === 'met' : null };
}

/** The row's personal values, for scrubbing its own text only; never returned from validation. */
export function personalValues(get: RowReader, klantnummer: string): RowPersonalValues {
	const address = get('adres').trim();
	return {
		// Every name a row carries, the candidate's and those of a partner or contact person.
		names: [
			get('naam'),
			get('voornamen'),
			get('roepnaam'),
			get('voorletters'),
			`${get('tussenvoegsel').trim()} ${get('achternaam').trim()}`,
			get('achternaam'),
			get('geboortenaam'),
			get('partner_naam'),
			get('partner_voornaam'),
			get('contactpersoon'),
			get('contactpersoon_naam')
		],
		literals: [
			klantnummer,
			get('bsn'),
			get('geboortedatum'),
			address,
			`${address} ${get('huisnummer').trim()}`,
			get('postcode'),
			get('woonplaats'),
			get('telefoon'),
			get('email'),
			get('contactpersoon_telefoon'),
			get('contactpersoon_email')
		]
	};
}

export function hasControlCharacters(value: string): boolean {
	for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) < 0x20) return true;
	return false;
}
