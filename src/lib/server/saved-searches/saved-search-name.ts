import * as v from 'valibot';

export const NAME_MAX = 100;

const TOO_LONG = `Kies een kortere naam (maximaal ${NAME_MAX} tekens).`;
const tidy = v.pipe(
	v.string(),
	v.transform((raw) => raw.trim().replace(/\s+/g, ' '))
);

/** A saved search's name as typed: spaces tidied, at most NAME_MAX characters. */
export const searchName = () =>
	v.pipe(tidy, v.nonEmpty('Geef de zoekopdracht een naam.'), v.maxLength(NAME_MAX, TOO_LONG));

/** The name when saving from /kandidaten: may be left empty, and we suggest one. */
export const optionalSearchName = () => v.pipe(tidy, v.maxLength(NAME_MAX, TOO_LONG));

export const FREQUENCIES = ['none', 'daily', 'weekly'] as const;
export type AlertFrequency = (typeof FREQUENCIES)[number];

export const frequencyLabels: Record<AlertFrequency, string> = {
	none: 'Geen e-mail',
	daily: 'Elke dag een e-mail (om 7 uur)',
	weekly: 'Elke week een e-mail (maandag om 7 uur)'
};

export const frequency = () => v.picklist(FREQUENCIES, 'Kies hoe vaak u een e-mail wilt krijgen.');
