/**
 * The two messages the account flows send. Plain text first: it reads well in every mail program and
 * screen reader. Links are absolute, built from the site's own origin.
 */
export function passwordResetMail(link: string): { subject: string; text: string } {
	return {
		subject: 'Nieuw wachtwoord instellen voor de Kandidatenverkenner',
		text: [
			'Goedendag,',
			'',
			'Iemand heeft gevraagd om een nieuw wachtwoord voor uw account bij de Kandidatenverkenner.',
			'Was u dat? Kies dan via deze link een nieuw wachtwoord:',
			'',
			link,
			'',
			'De link werkt 1 uur en maar 1 keer.',
			'',
			'Hebt u dit niet gevraagd? Dan hoeft u niets te doen. Uw wachtwoord blijft hetzelfde.',
			'',
			'Met vriendelijke groet,',
			'Kandidatenverkenner'
		].join('\n')
	};
}

export function invitationMail(link: string, roleLabel: string): { subject: string; text: string } {
	return {
		subject: 'Uitnodiging voor de Kandidatenverkenner',
		text: [
			'Goedendag,',
			'',
			`U bent uitgenodigd om de Kandidatenverkenner te gebruiken als ${roleLabel}.`,
			'Via deze link vult u uw naam in en kiest u een wachtwoord:',
			'',
			link,
			'',
			'De link werkt 7 dagen. Is hij verlopen? Vraag dan een nieuwe uitnodiging aan de beheerder.',
			'',
			'Met vriendelijke groet,',
			'Kandidatenverkenner'
		].join('\n')
	};
}

export const roleLabels = {
	admin: 'beheerder',
	wsp: 'adviseur van het werkgeversservicepunt',
	intermediair: 'intermediair'
} as const;
