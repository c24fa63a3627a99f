export const NAME_MAX = 100;

export type NameCheck = { ok: true; name: string } | { ok: false; message: string };

export function checkName(raw: string): NameCheck {
	const name = raw.trim().replace(/\s+/g, ' ');
	if (!name) return { ok: false, message: 'Geef de zoekopdracht een naam.' };
	if (name.length > NAME_MAX) {
		return { ok: false, message: `Kies een kortere naam (maximaal ${NAME_MAX} tekens).` };
	}
	return { ok: true, name };
}

export const FREQUENCIES = ['none', 'daily', 'weekly'] as const;
export type AlertFrequency = (typeof FREQUENCIES)[number];

export const frequencyLabels: Record<AlertFrequency, string> = {
	none: 'Geen e-mail',
	daily: 'Elke dag een e-mail (om 7 uur)',
	weekly: 'Elke week een e-mail (maandag om 7 uur)'
};

export function isFrequency(value: string): value is AlertFrequency {
	return (FREQUENCIES as readonly string[]).includes(value);
}
